/** What the server declares in its initialize result today (its LifecycleTest checks the same lists). */
import { siteRulesOf } from '../src/status/siteRules';

export const SERVER_EXPERIMENTAL = {
  unsafeHints: {
    unsafeSiteRules: ['unsafe-block', 'unsafe-fn', 'unsafe-impl', 'unsafe-trait', 'extern-block', 'unsafe-attr'],
    documentedSiteRules: ['unsafe-block', 'unsafe-impl', 'unsafe-fn', 'unsafe-trait'],
  },
};

export const SERVER_SITE_RULES = siteRulesOf(SERVER_EXPERIMENTAL);
