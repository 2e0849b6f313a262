/**
 * The workspace's unsafe sites as the server's `unsafe-hints.inventory` command returns them, and
 * their grouping crate → file → kind for the tree view. Pure: the tree view only renders this.
 *
 * Counts are defined once, with the status bar (`../status/unsafeSummary`): "unsafe sites" are the
 * places where `unsafe` is written (blocks, fns, impls, traits, extern blocks, unsafe attributes);
 * "undocumented" are the blocks and fns among them without a SAFETY comment or `# Safety` section;
 * "operations" are the unsafe operations inside. Pointer casts and borrows (safe code) and
 * `static mut`/union declarations are listed under their kinds but counted in none of these.
 */
import type { SiteRules } from '../status/siteRules';
import { isUndocumented } from '../status/unsafeSummary';

export interface InventoryPosition {
  readonly line: number;
  readonly character: number;
}

export interface InventoryRange {
  readonly start: InventoryPosition;
  readonly end: InventoryPosition;
}

export interface InventorySite {
  readonly uri: string;
  readonly crate: string;
  /** Path of the file relative to its crate (or workspace), as the server names it. */
  readonly file: string;
  readonly ruleId: string;
  /** `inventory` (where unsafe is declared or entered) or `operation` (an unsafe operation inside). */
  readonly category: string;
  readonly range: InventoryRange;
  readonly message: string;
  /** For unsafe blocks and fns: `yes`, `template` or `no` (a SAFETY comment / `# Safety` section). */
  readonly documented?: string;
}

/** The counts the tree's headers show, each defined once (see the top of this file). */
export interface SiteCounts {
  readonly unsafeSites: number;
  readonly undocumented: number;
  readonly operations: number;
}

export interface KindGroup {
  readonly ruleId: string;
  readonly label: string;
  readonly sites: readonly InventorySite[];
}

export interface FileGroup {
  readonly file: string;
  readonly uri: string;
  readonly kinds: readonly KindGroup[];
  /** Unsafe sites (see SiteCounts), not every row below. */
  readonly siteCount: number;
  readonly counts: SiteCounts;
}

export interface CrateGroup {
  readonly crate: string;
  readonly files: readonly FileGroup[];
  readonly siteCount: number;
  readonly counts: SiteCounts;
}

const OPERATION_RULES: ReadonlySet<string> = new Set([
  'raw-pointer-deref',
  'unsafe-call',
  'static-mut-access',
  'union-field-access',
  'inline-asm-use',
]);

/** Counts unsafe sites, the undocumented ones among them, and unsafe operations. */
export function countSites(sites: readonly InventorySite[], rules: SiteRules): SiteCounts {
  let unsafeSites = 0;
  let undocumented = 0;
  let operations = 0;
  for (const site of sites) {
    if (rules.unsafeSites.has(site.ruleId)) {
      unsafeSites++;
      if (isUndocumented(site.ruleId, site.documented, rules)) {
        undocumented++;
      }
    } else if (OPERATION_RULES.has(site.ruleId)) {
      operations++;
    }
  }
  return { unsafeSites, undocumented, operations };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** "3 unsafe sites (1 undocumented) · 5 operations": the same words everywhere counts are shown. */
export function countsLabel(counts: SiteCounts): string {
  const sites = plural(counts.unsafeSites, 'unsafe site') + (counts.undocumented > 0 ? ` (${counts.undocumented} undocumented)` : '');
  return counts.operations > 0 ? `${sites} · ${plural(counts.operations, 'operation')}` : sites;
}

const KIND_LABELS: Readonly<Record<string, string>> = {
  'unsafe-block': 'unsafe blocks',
  'unsafe-fn': 'unsafe functions',
  'unsafe-impl': 'unsafe impls',
  'unsafe-trait': 'unsafe traits',
  'extern-block': 'extern blocks',
  'static-mut': 'static mut items',
  union: 'unions',
  'raw-pointer-cast': 'raw pointer casts',
  'raw-borrow': 'raw borrows',
  'inline-asm': 'inline assembly',
  'unsafe-attr': 'unsafe attributes',
  'raw-pointer-deref': 'raw pointer dereferences',
  'unsafe-call': 'unsafe calls',
  'static-mut-access': 'static mut accesses',
  'union-field-access': 'union field accesses',
  'inline-asm-use': 'inline assembly uses',
};

/**
 * A short tree label for a site: the message's first line up to its first ": " (the server writes
 * "what it is: why it matters"); the whole message stays in the tooltip.
 */
export function siteLabel(message: string): string {
  const firstLine = message.split(/\r?\n/, 1)[0] ?? message;
  const colon = firstLine.indexOf(': ');
  return colon > 0 ? firstLine.slice(0, colon) : firstLine;
}

/** Display name of a kind of site; unknown rule ids are shown as they are. */
export function kindLabel(ruleId: string): string {
  return KIND_LABELS[ruleId] ?? ruleId;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function asPosition(value: unknown): InventoryPosition | undefined {
  if (!isRecord(value)) {
    return undefined;
  }
  const { line, character } = value;
  if (typeof line !== 'number' || typeof character !== 'number' || line < 0 || character < 0) {
    return undefined;
  }
  return { line, character };
}

function asSite(value: unknown): InventorySite | undefined {
  if (!isRecord(value) || !isRecord(value.range)) {
    return undefined;
  }
  const start = asPosition(value.range.start);
  const end = asPosition(value.range.end);
  const { uri, ruleId } = value;
  if (start === undefined || end === undefined || typeof uri !== 'string' || typeof ruleId !== 'string') {
    return undefined;
  }
  const text = (field: string, fallback: string): string => {
    const v = value[field];
    return typeof v === 'string' && v !== '' ? v : fallback;
  };
  const documented = typeof value.documented === 'string' ? { documented: value.documented } : {};
  return {
    ...documented,
    uri,
    ruleId,
    crate: text('crate', '(no crate)'),
    file: text('file', uri),
    // The server calls it `kind`; `category` is accepted too.
    category: text('kind', text('category', '')),
    message: text('message', kindLabel(ruleId)),
    range: { start, end },
  };
}

/**
 * The sites in a server answer. Accepts the list itself or an object with a `sites` list; entries
 * that lack a uri, rule id or range are dropped rather than breaking the whole tree.
 */
export function parseInventory(answer: unknown): InventorySite[] {
  const list = Array.isArray(answer) ? answer : isRecord(answer) && Array.isArray(answer.sites) ? answer.sites : [];
  return list.map(asSite).filter((site): site is InventorySite => site !== undefined);
}

function comparePositions(a: InventoryPosition, b: InventoryPosition): number {
  return a.line - b.line || a.character - b.character;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group === undefined) {
      groups.set(k, [item]);
    } else {
      group.push(item);
    }
  }
  return groups;
}

const byName = (a: string, b: string): number => a.localeCompare(b, 'en');

/** Crates by name, files by path, kinds by label, sites in file order. */
export function groupInventory(sites: readonly InventorySite[], rules: SiteRules): CrateGroup[] {
  return [...groupBy(sites, (s) => s.crate)]
    .sort(([a], [b]) => byName(a, b))
    .map(([crate, crateSites]) => {
      const files = [...groupBy(crateSites, (s) => s.uri)]
        .map(([uri, fileSites]): FileGroup => {
          const kinds = [...groupBy(fileSites, (s) => s.ruleId)]
            .map(([ruleId, kindSites]): KindGroup => ({
              ruleId,
              label: kindLabel(ruleId),
              sites: [...kindSites].sort((a, b) => comparePositions(a.range.start, b.range.start)),
            }))
            .sort((a, b) => byName(a.label, b.label));
          const counts = countSites(fileSites, rules);
          return { file: fileSites[0]?.file ?? uri, uri, kinds, siteCount: counts.unsafeSites, counts };
        })
        .sort((a, b) => byName(a.file, b.file));
      const counts = countSites(crateSites, rules);
      return { crate, files, siteCount: counts.unsafeSites, counts };
    });
}
