/**
 * What the status bar says about the active Rust file, computed from that file's diagnostics.
 * Pure: it sees plain diagnostic records, not VS Code objects.
 */

import type { SiteRules } from './siteRules';

/** The `source` of every diagnostic our language server publishes. */
export const DIAGNOSTIC_SOURCE = 'unsafe-hints';

/**
 * Whether an unsafe block or fn is undocumented, from the fact the server attaches to it
 * (`documented`: `yes`, `template` for an unedited template, `no`), not from whether the
 * missing-safety-comment or missing-safety-doc warnings are on or suppressed.
 */
export function isUndocumented(ruleId: string, documented: unknown, rules: SiteRules): boolean {
  return rules.documented.has(ruleId) && (documented === 'no' || documented === 'template');
}

export interface DiagnosticLike {
  readonly source?: string | undefined;
  readonly code?: string | number | { readonly value: string | number } | undefined;
  /** LSP `data`: for unsafe blocks and fns, `{ documented: 'yes' | 'template' | 'no' }`. */
  readonly data?: unknown;
}

export interface UnsafeSummary {
  readonly unsafeSites: number;
  readonly undocumented: number;
}

function codeOf(diagnostic: DiagnosticLike): string | undefined {
  const { code } = diagnostic;
  if (code === undefined) {
    return undefined;
  }
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** Counts the unsafe sites and the undocumented ones, by the rules the server declared (`SiteRules`). */
export function summarize(diagnostics: readonly DiagnosticLike[], rules: SiteRules): UnsafeSummary {
  let unsafeSites = 0;
  let undocumented = 0;
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) {
      continue;
    }
    const code = codeOf(diagnostic);
    if (code !== undefined && rules.unsafeSites.has(code)) {
      unsafeSites++;
      const data = diagnostic.data;
      const documented = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).documented : undefined;
      if (isUndocumented(code, documented, rules)) {
        undocumented++;
      }
    }
  }
  return { unsafeSites, undocumented };
}

/** Status bar text with codicons, e.g. `$(warning) 3 unsafe · 1 undocumented`. */
export function statusText(summary: UnsafeSummary): string {
  if (summary.unsafeSites === 0 && summary.undocumented === 0) {
    return '$(shield) no unsafe';
  }
  const parts = [`${summary.unsafeSites} unsafe`];
  if (summary.undocumented > 0) {
    parts.push(`${summary.undocumented} undocumented`);
  }
  return `$(warning) ${parts.join(' · ')}`;
}

export function statusTooltip(summary: UnsafeSummary): string {
  const sites =
    summary.unsafeSites === 1 ? '1 unsafe block, fn, impl or trait' : `${summary.unsafeSites} unsafe blocks, fns, impls or traits`;
  const missing =
    summary.undocumented === 0
      ? 'every one explained by a SAFETY comment or # Safety section'
      : `${summary.undocumented} without a SAFETY comment or # Safety section (an unedited template counts as none)`;
  return `Unsafe Hints: ${sites} in this file, ${missing}. Click to show the unsafe inventory.`;
}

/** What the status bar says instead when the language server is not running (no counts to trust). */
export const SERVER_STOPPED_TEXT = '$(circle-slash) Unsafe Hints stopped';
export const SERVER_STOPPED_TOOLTIP = 'The Unsafe Hints language server is not running. Click to show its output.';
