/**
 * The arguments of the server's code lens command `unsafe-hints.showOperations`: (uri, position of
 * the site, locations of its operations), as LSP JSON. Pure and defensive: lens arguments come from
 * another process, so anything malformed gives undefined rather than an exception.
 */

export interface LspPosition {
  readonly line: number;
  readonly character: number;
}

export interface LspLocation {
  readonly uri: string;
  readonly range: { readonly start: LspPosition; readonly end: LspPosition };
}

export interface OperationsArgs {
  readonly uri: string;
  readonly position: LspPosition;
  readonly locations: readonly LspLocation[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function asPosition(value: unknown): LspPosition | undefined {
  if (!isRecord(value) || typeof value.line !== 'number' || typeof value.character !== 'number') {
    return undefined;
  }
  return { line: value.line, character: value.character };
}

function asLocation(value: unknown): LspLocation | undefined {
  if (!isRecord(value) || typeof value.uri !== 'string' || !isRecord(value.range)) {
    return undefined;
  }
  const start = asPosition(value.range.start);
  const end = asPosition(value.range.end);
  return start && end ? { uri: value.uri, range: { start, end } } : undefined;
}

export function parseOperationsArgs(args: readonly unknown[]): OperationsArgs | undefined {
  const [uri, position, locations] = args;
  const at = asPosition(position);
  if (typeof uri !== 'string' || at === undefined || !Array.isArray(locations)) {
    return undefined;
  }
  return {
    uri,
    position: at,
    locations: locations.map(asLocation).filter((l): l is LspLocation => l !== undefined),
  };
}
