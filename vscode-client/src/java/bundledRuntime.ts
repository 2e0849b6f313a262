/**
 * Checks the Java runtime that a platform-specific extension carries (`runtime/`, cut from a JDK by
 * server/src/dist/make-runtime.sh) before anything runs it. A runtime cut short by an interrupted
 * install crashes the JVM with a core-dump report instead of an error, and one built for another
 * processor cannot start at all; both are found here from the file sizes the build listed in
 * `unsafe-hints-manifest` and from the executable's header, in a few milliseconds.
 *
 * No VS Code API: unit-tested on real folders.
 */
import { accessSync, chmodSync, closeSync, constants, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import * as path from 'node:path';

export const MANIFEST_NAME = 'unsafe-hints-manifest';

export type BundledRuntimeCheck =
  | { readonly kind: 'usable'; readonly javaPath: string }
  | { readonly kind: 'unusable'; readonly reason: string; readonly advice: string };

export interface BundledRuntimeInput {
  readonly home: string;
  readonly platform: NodeJS.Platform;
  readonly arch: string;
  /** Makes a file executable; replaced in tests to act as a read-only extension folder. */
  readonly chmod?: (file: string, mode: number) => void;
}

const REINSTALL = 'Reinstall the extension to get its runtime back.';

/** ELF `e_machine` values of the processors VS Code has Linux targets for. */
const ELF_MACHINES: Record<number, string> = { 0x3e: 'x64', 0xb7: 'arm64', 0x28: 'arm' };

/** What the first bytes of an executable say it was built for, or undefined when they say nothing we know. */
export function executableTarget(header: Buffer): { os: 'linux' | 'darwin' | 'win32'; arch?: string } | undefined {
  if (header.length >= 20 && header.readUInt32BE(0) === 0x7f454c46) {
    return { os: 'linux', arch: ELF_MACHINES[header.readUInt16LE(18)] ?? `ELF machine ${header.readUInt16LE(18)}` };
  }
  if (header.length >= 4 && [0xcffaedfe, 0xcefaedfe, 0xcafebabe].includes(header.readUInt32BE(0))) {
    return { os: 'darwin' };
  }
  if (header.length >= 2 && header.readUInt16BE(0) === 0x4d5a) {
    return { os: 'win32' };
  }
  return undefined;
}

function readHeader(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(20);
    const read = readSync(fd, buffer, 0, 20, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** Files whose size differs from the list, or that are missing (at most `limit`). */
function damagedFiles(home: string, manifest: string, limit: number): string[] {
  const damaged: string[] = [];
  for (const line of manifest.split('\n')) {
    const match = /^(\d+) (.+)$/.exec(line);
    if (match === null) {
      continue;
    }
    const [, size, file] = match as unknown as [string, string, string];
    let actual: number | undefined;
    try {
      actual = statSync(path.join(home, file)).size;
    } catch {
      actual = undefined;
    }
    if (actual !== Number(size)) {
      damaged.push(file);
      if (damaged.length === limit) {
        break;
      }
    }
  }
  return damaged;
}

/**
 * The runtime's programs must be executable. A .vsix is a zip; should an installer drop the
 * permission bits, set them again, which needs write access to the extension's folder.
 */
function ensureExecutable(home: string, platform: NodeJS.Platform, chmod: (file: string, mode: number) => void): string | undefined {
  if (platform === 'win32') {
    return undefined;
  }
  const programs = [path.join(home, 'bin', 'java'), path.join(home, 'lib', 'jspawnhelper')].filter((file) => existsSync(file));
  for (const program of programs) {
    try {
      accessSync(program, constants.X_OK);
    } catch {
      try {
        chmod(program, 0o755);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? String(error);
        return `${path.relative(home, program)} is not executable, and making it so failed (${code}): the extension folder is not writable`;
      }
    }
  }
  return undefined;
}

/** Undefined when the extension carries no runtime (the universal .vsix). */
export function checkBundledRuntime(input: BundledRuntimeInput): BundledRuntimeCheck | undefined {
  const { home, platform, arch } = input;
  if (!existsSync(home)) {
    return undefined;
  }
  const javaPath = path.join(home, 'bin', platform === 'win32' ? 'java.exe' : 'java');
  let manifest: string;
  try {
    manifest = readFileSync(path.join(home, MANIFEST_NAME), 'utf8');
  } catch {
    return { kind: 'unusable', reason: `it is damaged: its file list ${MANIFEST_NAME} is missing`, advice: REINSTALL };
  }
  let header: Buffer;
  try {
    header = readHeader(javaPath);
  } catch {
    return { kind: 'unusable', reason: `it is damaged: ${path.relative(home, javaPath)} is missing`, advice: REINSTALL };
  }
  const built = executableTarget(header);
  const here = `${platform}-${arch}`;
  if (built !== undefined && (built.os !== platform || (built.arch !== undefined && built.arch !== arch))) {
    const target = built.arch === undefined ? built.os : `${built.os}-${built.arch}`;
    return {
      kind: 'unusable',
      reason: `it is built for ${target}, and this machine is ${here}`,
      advice: `Install the extension for ${here} (VS Code picks it by itself from the Marketplace; a .vsix file must be the one named for ${here}).`,
    };
  }
  const damaged = damagedFiles(home, manifest, 3);
  if (damaged.length > 0) {
    return { kind: 'unusable', reason: `it is damaged (files missing or cut short: ${damaged.join(', ')})`, advice: REINSTALL };
  }
  const notExecutable = ensureExecutable(home, platform, input.chmod ?? chmodSync);
  if (notExecutable !== undefined) {
    return {
      kind: 'unusable',
      reason: notExecutable,
      advice: 'Reinstall the extension as the user who runs VS Code, or set "unsafeHints.java.home" to a Java 17+ runtime.',
    };
  }
  return { kind: 'usable', javaPath };
}

/** What to tell the user when the runtime is there but does not run. */
export const BUNDLED_RUNTIME_REINSTALL = REINSTALL;
