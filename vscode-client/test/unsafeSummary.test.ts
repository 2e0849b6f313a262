import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { statusText, statusTooltip, summarize } from '../src/status/unsafeSummary';
import { SERVER_SITE_RULES } from './serverSiteRules';

const ours = (code: string, documented?: string): { source: string; code: { value: string; target: string }; data?: unknown } => ({
  source: 'unsafe-hints',
  code: { value: code, target: `https://docs/${code}` },
  ...(documented === undefined ? {} : { data: { documented } }),
});

describe('summarize', () => {
  it('counts places where unsafe is written, and those without a SAFETY comment or # Safety section', () => {
    const summary = summarize([
      ours('unsafe-block', 'no'),
      ours('unsafe-block', 'yes'),
      ours('unsafe-fn', 'template'),
      ours('missing-safety-comment'),
      ours('missing-safety-doc'),
      ours('raw-pointer-deref'), // an operation inside a block, not a site of its own
      ours('large-unsafe-block'),
      ours('raw-pointer-cast'), // safe code that makes a raw pointer
    ], SERVER_SITE_RULES);
    assert.deepEqual(summary, { unsafeSites: 3, undocumented: 2 });
  });
  it('takes documentation from the sites, so a warning turned off or suppressed changes nothing', () => {
    const withWarnings = summarize([ours('unsafe-block', 'no'), ours('missing-safety-comment'), ours('unsafe-block', 'yes')], SERVER_SITE_RULES);
    const without = summarize([ours('unsafe-block', 'no'), ours('unsafe-block', 'yes')], SERVER_SITE_RULES);
    assert.deepEqual(withWarnings, { unsafeSites: 2, undocumented: 1 });
    assert.deepEqual(without, withWarnings);
  });
  it('ignores other sources, such as rust-analyzer, even with the same code', () => {
    assert.deepEqual(summarize([{ source: 'rust-analyzer', code: 'unsafe-block' }, { code: 'unsafe-fn' }], SERVER_SITE_RULES), {
      unsafeSites: 0,
      undocumented: 0,
    });
  });
  it('accepts plain string and number codes', () => {
    assert.deepEqual(summarize([{ source: 'unsafe-hints', code: 'unsafe-impl' }, { source: 'unsafe-hints', code: 7 }], SERVER_SITE_RULES), {
      unsafeSites: 1,
      undocumented: 0,
    });
  });
});

describe('statusText', () => {
  it('names unsafe sites and undocumented ones', () => {
    assert.equal(statusText({ unsafeSites: 3, undocumented: 1 }), '$(warning) 3 unsafe · 1 undocumented');
  });
  it('leaves out undocumented when everything is explained', () => {
    assert.equal(statusText({ unsafeSites: 2, undocumented: 0 }), '$(warning) 2 unsafe');
  });
  it('says so when the file has no unsafe code', () => {
    assert.equal(statusText({ unsafeSites: 0, undocumented: 0 }), '$(shield) no unsafe');
  });
  it('explains itself in the tooltip', () => {
    assert.match(statusTooltip({ unsafeSites: 1, undocumented: 1 }), /1 unsafe block, fn, impl or trait in this file, 1 without a SAFETY comment/);
  });
});
