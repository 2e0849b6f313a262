/**
 * The workspace's unsafe sites as the server's `unsafe-hints.inventory` command returns them, and
 * their grouping crate → file → kind for the tree view. Pure: the tree view only renders this.
 */

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
  readonly siteCount: number;
}

export interface CrateGroup {
  readonly crate: string;
  readonly files: readonly FileGroup[];
  readonly siteCount: number;
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
  return {
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
export function groupInventory(sites: readonly InventorySite[]): CrateGroup[] {
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
          return { file: fileSites[0]?.file ?? uri, uri, kinds, siteCount: fileSites.length };
        })
        .sort((a, b) => byName(a.file, b.file));
      return { crate, files, siteCount: crateSites.length };
    });
}
