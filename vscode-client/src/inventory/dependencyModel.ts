/**
 * The dependencies' unsafe code as the server's `unsafe-hints.dependencies` command returns it: the
 * packages of the crate graph, and, asked with a package's folder, that package's sites (the same
 * site objects as the workspace inventory's, named by the package and paths relative to its root).
 * Pure: the tree view only renders this.
 */
import { parseInventory } from './inventoryModel';
import type { InventorySite } from './inventoryModel';

export interface DependencyPackage {
  readonly name: string;
  readonly version: string;
  /** `registry`, `git` or `path`. */
  readonly source: string;
  /** The package's folder: what asks the server for its sites. */
  readonly root: string;
  /** Only dev-dependencies bring it in (tests, benches, examples). */
  readonly testOnly: boolean;
}

export interface DependencyList {
  /** False until the server has read the crate graph. */
  readonly loaded: boolean;
  readonly packages: readonly DependencyPackage[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function asPackage(value: unknown): DependencyPackage | undefined {
  if (!isRecord(value)) {
    return undefined;
  }
  const { name, version, source, root, testOnly } = value;
  if (typeof name !== 'string' || name === '' || typeof root !== 'string' || root === '') {
    return undefined;
  }
  return {
    name,
    root,
    version: typeof version === 'string' ? version : '',
    source: typeof source === 'string' ? source : '',
    testOnly: testOnly === true,
  };
}

/** The package list of a server answer; malformed entries are dropped, never the whole list. */
export function parseDependencyList(answer: unknown): DependencyList {
  if (!isRecord(answer)) {
    return { loaded: false, packages: [] };
  }
  const list = Array.isArray(answer.packages) ? answer.packages : [];
  const packages = list.map(asPackage).filter((p): p is DependencyPackage => p !== undefined);
  return { loaded: answer.loaded === true, packages };
}

/** The sites of one package in a server answer (`{ sites: [...] }`). */
export function parseDependencySites(answer: unknown): InventorySite[] {
  return parseInventory(answer);
}

/** "0.2.150 · registry · tests only": what the row says after the package's name. */
export function packageDescription(pkg: DependencyPackage): string {
  return [pkg.version, pkg.source, pkg.testOnly ? 'tests only' : ''].filter((part) => part !== '').join(' · ');
}
