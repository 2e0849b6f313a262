import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { NO_SITE_RULES, siteRulesOf } from '../src/status/siteRules';
import { summarize } from '../src/status/unsafeSummary';
import { SERVER_EXPERIMENTAL } from './serverSiteRules';

describe('siteRulesOf', () => {
  it('reads the rules the server declares', () => {
    const rules = siteRulesOf(SERVER_EXPERIMENTAL);
    assert.deepEqual([...rules.unsafeSites], SERVER_EXPERIMENTAL.unsafeHints.unsafeSiteRules);
    assert.deepEqual([...rules.documented], SERVER_EXPERIMENTAL.unsafeHints.documentedSiteRules);
  });
  it('counts a rule the client has never heard of once the server declares it', () => {
    const rules = siteRulesOf({ unsafeHints: { unsafeSiteRules: ['unsafe-macro'], documentedSiteRules: ['unsafe-macro'] } });
    assert.deepEqual(summarize([{ source: 'unsafe-hints', code: 'unsafe-macro', data: { documented: 'no' } }], rules), {
      unsafeSites: 1,
      undocumented: 1,
    });
  });
  it('counts nothing when the server declares nothing or something malformed', () => {
    for (const experimental of [undefined, null, 'x', {}, { unsafeHints: 3 }, { unsafeHints: { unsafeSiteRules: 'unsafe-block' } }]) {
      assert.equal(siteRulesOf(experimental).unsafeSites.size, 0);
      assert.equal(siteRulesOf(experimental).documented.size, 0);
    }
    assert.equal(summarize([{ source: 'unsafe-hints', code: 'unsafe-block' }], NO_SITE_RULES).unsafeSites, 0);
  });
  it('keeps the strings of a list that holds other values too', () => {
    assert.deepEqual([...siteRulesOf({ unsafeHints: { unsafeSiteRules: ['unsafe-fn', 7, null] } }).unsafeSites], ['unsafe-fn']);
  });
});
