/**
 * Which rules' findings the client counts, as the server declares them in its initialize result
 * (`capabilities.experimental.unsafeHints`), read off the rules themselves: the client keeps no list
 * of rule ids, so a rule the server adds is counted without a client release. Pure.
 */

export interface SiteRules {
  /** Rules whose findings are places where `unsafe` is written: what "N unsafe" counts. */
  readonly unsafeSites: ReadonlySet<string>;
  /** Of those, the rules whose sites a SAFETY comment or `# Safety` section documents. */
  readonly documented: ReadonlySet<string>;
}

/** Before the server has answered (or from a server that declares nothing): nothing is counted. */
export const NO_SITE_RULES: SiteRules = { unsafeSites: new Set(), documented: new Set() };

function stringsAt(record: Record<string, unknown>, key: string): ReadonlySet<string> {
  const value = record[key];
  return new Set(Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
}

/** The site rules from the server's `capabilities.experimental`, whatever shape it has. */
export function siteRulesOf(experimental: unknown): SiteRules {
  if (typeof experimental !== 'object' || experimental === null) {
    return NO_SITE_RULES;
  }
  const declared = (experimental as Record<string, unknown>).unsafeHints;
  if (typeof declared !== 'object' || declared === null) {
    return NO_SITE_RULES;
  }
  const record = declared as Record<string, unknown>;
  return { unsafeSites: stringsAt(record, 'unsafeSiteRules'), documented: stringsAt(record, 'documentedSiteRules') };
}
