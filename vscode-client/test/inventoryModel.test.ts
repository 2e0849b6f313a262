import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { countSites, countsLabel, groupInventory, kindLabel, parseInventory, siteLabel } from '../src/inventory/inventoryModel';
import { SERVER_SITE_RULES } from './serverSiteRules';

function site(crate: string, file: string, ruleId: string, line: number, character = 4): Record<string, unknown> {
  return {
    uri: `file:///ws/${crate}/${file}`,
    crate,
    file,
    ruleId,
    category: 'inventory',
    range: { start: { line, character }, end: { line, character: character + 6 } },
    message: `${ruleId} at ${line}`,
  };
}

describe('parseInventory', () => {
  it('reads the list the server returns', () => {
    const sites = parseInventory([site('core', 'src/lib.rs', 'unsafe-block', 3)]);
    assert.deepEqual(sites, [
      {
        uri: 'file:///ws/core/src/lib.rs',
        crate: 'core',
        file: 'src/lib.rs',
        ruleId: 'unsafe-block',
        category: 'inventory',
        range: { start: { line: 3, character: 4 }, end: { line: 3, character: 10 } },
        message: 'unsafe-block at 3',
      },
    ]);
  });
  it("takes the category from the server's kind field", () => {
    const [only] = parseInventory([{ ...site('a', 'src/lib.rs', 'raw-pointer-deref', 1), category: undefined, kind: 'operation', severity: 'hint' }]);
    assert.equal(only?.category, 'operation');
  });
  it('accepts an object with a sites list', () => {
    assert.equal(parseInventory({ sites: [site('a', 'src/lib.rs', 'unsafe-fn', 1)] }).length, 1);
  });
  it('drops malformed entries and keeps the rest', () => {
    const good = site('a', 'src/lib.rs', 'unsafe-fn', 1);
    const sites = parseInventory([
      null,
      42,
      { ...good, uri: undefined },
      { ...good, range: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } } },
      { ...good, range: 'nowhere' },
      good,
    ]);
    assert.equal(sites.length, 1);
  });
  it('fills in missing names', () => {
    const sites = parseInventory([{ uri: 'file:///x.rs', ruleId: 'union', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } } }]);
    assert.deepEqual(sites.map((s) => [s.crate, s.file, s.message]), [['(no crate)', 'file:///x.rs', 'unions']]);
  });
  it('treats anything else as empty', () => {
    assert.deepEqual(parseInventory(null), []);
    assert.deepEqual(parseInventory('oops'), []);
  });
});

describe('groupInventory', () => {
  it('groups crate → file → kind, sorted, with sites in file order', () => {
    const groups = groupInventory(
      parseInventory([
        site('zeta', 'src/lib.rs', 'unsafe-block', 9),
        site('alpha', 'src/mem.rs', 'unsafe-block', 20),
        site('alpha', 'src/mem.rs', 'unsafe-block', 4),
        site('alpha', 'src/mem.rs', 'unsafe-fn', 2),
        site('alpha', 'src/ffi.rs', 'extern-block', 1),
      ]),
      SERVER_SITE_RULES,
    );
    assert.deepEqual(
      groups.map((c) => [c.crate, c.siteCount, c.files.map((f) => [f.file, f.siteCount, f.kinds.map((k) => [k.label, k.sites.map((s) => s.range.start.line)])])]),
      [
        ['alpha', 4, [
          ['src/ffi.rs', 1, [['extern blocks', [1]]]],
          ['src/mem.rs', 3, [['unsafe blocks', [4, 20]], ['unsafe functions', [2]]]],
        ]],
        ['zeta', 1, [['src/lib.rs', 1, [['unsafe blocks', [9]]]]]],
      ],
    );
  });
  it('is empty for no sites', () => {
    assert.deepEqual(groupInventory([], SERVER_SITE_RULES), []);
  });
  it('counts unsafe sites, undocumented ones and operations as the status bar does; casts count as none', () => {
    const sites = parseInventory([
      { ...site('a', 'src/lib.rs', 'unsafe-block', 1), documented: 'no' },
      { ...site('a', 'src/lib.rs', 'unsafe-block', 5), documented: 'template' },
      { ...site('a', 'src/lib.rs', 'unsafe-fn', 9), documented: 'yes' },
      site('a', 'src/lib.rs', 'raw-pointer-deref', 2),
      site('a', 'src/lib.rs', 'raw-pointer-cast', 3),
      site('a', 'src/lib.rs', 'inline-asm', 4),
      site('a', 'src/lib.rs', 'inline-asm-use', 4),
    ]);
    const crates = groupInventory(sites, SERVER_SITE_RULES);
    assert.deepEqual(crates.map((c) => [c.counts, c.siteCount]), [[{ unsafeSites: 3, undocumented: 2, operations: 2 }, 3]]);
    assert.equal(countsLabel(countSites(sites, SERVER_SITE_RULES)), '3 unsafe sites (2 undocumented) · 2 operations');
  });
});

describe('kindLabel', () => {
  it('names known kinds and shows unknown rule ids as they are', () => {
    assert.equal(kindLabel('raw-pointer-deref'), 'raw pointer dereferences');
    assert.equal(kindLabel('future-rule'), 'future-rule');
  });
});

describe('siteLabel', () => {
  it('keeps what the site is and leaves the explanation to the tooltip', () => {
    assert.equal(siteLabel('dereference of raw pointer `p`: `p` holds a raw pointer (line 6)'), 'dereference of raw pointer `p`');
    assert.equal(siteLabel('unsafe block: 4 unsafe operations · no SAFETY comment'), 'unsafe block');
  });
  it('uses the first line of messages without an explanation', () => {
    assert.equal(siteLabel('unsafe impl of Send\nsecond line'), 'unsafe impl of Send');
    assert.equal(siteLabel(': odd'), ': odd');
  });
});
