import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { packageDescription, parseDependencyList, parseDependencySites } from '../src/inventory/dependencyModel';
import { groupInventory } from '../src/inventory/inventoryModel';
import { SERVER_SITE_RULES } from './serverSiteRules';

describe('dependency model', () => {
  it('reads the package list and drops malformed entries', () => {
    const list = parseDependencyList({
      loaded: true,
      packages: [
        { name: 'libc', version: '0.2.150', source: 'registry', root: '/reg/libc-0.2.150', testOnly: false },
        { name: 'devsys', version: '0.4.0', source: 'path', root: '/w/devsys', testOnly: true },
        { name: '', root: '/x' },
        { version: '1.0.0' },
        'junk',
      ],
    });
    assert.equal(list.loaded, true);
    assert.deepEqual(list.packages.map((p) => p.name), ['libc', 'devsys']);
    assert.deepEqual(list.packages.map(packageDescription), ['0.2.150 · registry', '0.4.0 · path · tests only']);
  });

  it('says not loaded for an answer it cannot read', () => {
    assert.deepEqual(parseDependencyList(null), { loaded: false, packages: [] });
    assert.deepEqual(parseDependencyList({ packages: 'x' }), { loaded: false, packages: [] });
  });

  it("groups a package's sites by file and kind like the inventory", () => {
    const range = (line: number) => ({ start: { line, character: 4 }, end: { line, character: 10 } });
    const sites = parseDependencySites({
      sites: [
        { uri: 'file:///w/devsys/src/lib.rs', crate: 'devsys 0.4.0', file: 'src/lib.rs', ruleId: 'unsafe-block', kind: 'inventory', range: range(8), message: 'unsafe block', documented: 'yes' },
        { uri: 'file:///w/devsys/src/lib.rs', crate: 'devsys 0.4.0', file: 'src/lib.rs', ruleId: 'unsafe-fn', kind: 'inventory', range: range(6), message: 'unsafe fn', documented: 'yes' },
        { uri: 'file:///w/devsys/src/lib.rs', crate: 'devsys 0.4.0', file: 'src/lib.rs', ruleId: 'raw-pointer-deref', kind: 'operation', range: range(8), message: 'dereference' },
      ],
    });
    const crates = groupInventory(sites, SERVER_SITE_RULES);
    assert.deepEqual(crates.map((c) => [c.crate, c.files.length, c.counts]),
      [['devsys 0.4.0', 1, { unsafeSites: 2, undocumented: 0, operations: 1 }]]);
  });
});
