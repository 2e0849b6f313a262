/**
 * The server's review answer (`unsafe-hints.reviewChanges`: `{ report, markdown }`, the report in
 * the review JSON schema, docs/review.md) read into what the review panel shows. Pure: no VS Code
 * types, unit-tested. Anything missing or of the wrong type is left out rather than trusted.
 */

export type Mark = 'argue' | 'gap' | 'ok' | 'info';
export type Status = 'unreviewed' | 'stale' | 'reviewed';

export interface ChecklistEntry {
  readonly level: number;
  readonly mark: Mark;
  readonly text: string;
  readonly quote: readonly string[];
  /** 1-based, where the point applies (an operation), if it has a place */
  readonly line?: number | undefined;
  readonly column?: number | undefined;
}

export interface ApprovalView {
  readonly by: string;
  readonly date: string;
  readonly note: string;
}

export interface SiteView {
  readonly id: string;
  /** 16 hex digits; the panel names a site by it (approve, checkbox state) */
  readonly hash: string;
  /** relative to the repository root, `/`-separated */
  readonly file: string;
  readonly kind: string;
  readonly change: string;
  readonly status: Status;
  readonly item: string;
  /** 1-based */
  readonly line: number;
  readonly column: number;
  readonly excerpt: string;
  readonly approval?: ApprovalView | undefined;
  readonly checklist: readonly ChecklistEntry[];
}

export interface ReviewView {
  /** the repository root on disk */
  readonly root: string;
  readonly base: string;
  readonly baseCommit: string;
  readonly sites: readonly SiteView[];
  readonly removed: number;
  readonly notes: readonly string[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (o: Json, key: string): string => (typeof o[key] === 'string' ? o[key] : '');
const num = (o: Json, key: string): number | undefined => (typeof o[key] === 'number' && Number.isFinite(o[key]) ? o[key] : undefined);
const list = (o: Json, key: string): unknown[] => (Array.isArray(o[key]) ? o[key] : []);

const MARKS: readonly Mark[] = ['argue', 'gap', 'ok', 'info'];
const STATUSES: readonly Status[] = ['unreviewed', 'stale', 'reviewed'];

function checklistEntry(raw: unknown): ChecklistEntry | undefined {
  if (!isObject(raw)) return undefined;
  const mark = MARKS.find((m) => m === raw.mark) ?? 'info';
  return {
    level: num(raw, 'level') ?? 0,
    mark,
    text: str(raw, 'text'),
    quote: list(raw, 'quote').filter((q): q is string => typeof q === 'string'),
    line: num(raw, 'line'),
    column: num(raw, 'column'),
  };
}

function site(raw: unknown): SiteView | undefined {
  if (!isObject(raw) || !/^[0-9a-f]{4,64}$/.test(str(raw, 'hash')) || str(raw, 'file') === '') return undefined;
  const region = isObject(raw.region) ? raw.region : {};
  const approval = isObject(raw.approval) ? { by: str(raw.approval, 'by'), date: str(raw.approval, 'date'), note: str(raw.approval, 'note') } : undefined;
  return {
    id: str(raw, 'id'),
    hash: str(raw, 'hash'),
    file: str(raw, 'file'),
    kind: str(raw, 'kind'),
    change: str(raw, 'change'),
    status: STATUSES.find((s) => s === raw.status) ?? 'unreviewed',
    item: str(raw, 'item'),
    line: num(region, 'startLine') ?? 1,
    column: num(region, 'startColumn') ?? 1,
    excerpt: str(raw, 'excerpt'),
    approval,
    checklist: list(raw, 'checklist').map(checklistEntry).filter((e): e is ChecklistEntry => e !== undefined),
  };
}

/** The review in a server answer, or undefined when the answer holds none. */
export function reviewView(answer: unknown): ReviewView | undefined {
  if (!isObject(answer) || !isObject(answer.report)) return undefined;
  const report = answer.report;
  const base = isObject(report.base) ? report.base : {};
  return {
    root: str(report, 'root'),
    base: str(base, 'description'),
    baseCommit: str(base, 'commit'),
    sites: list(report, 'sites').map(site).filter((s): s is SiteView => s !== undefined),
    removed: list(report, 'removed').length,
    notes: list(report, 'notes').filter((n): n is string => typeof n === 'string'),
  };
}

/**
 * The file a panel message names, as a path under the repository root, or undefined when it would
 * leave the root (the panel only names files of the review, but a message is input all the same).
 */
export function fileUnderRoot(root: string, relative: unknown): string | undefined {
  if (typeof relative !== 'string' || relative === '' || relative.startsWith('/') || relative.includes('\\')) return undefined;
  const parts = relative.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..')) return undefined;
  return `${root.replace(/[/\\]+$/, '')}/${relative}`;
}
