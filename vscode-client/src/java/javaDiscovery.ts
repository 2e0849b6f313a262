/**
 * Finds a Java runtime that can run the language server: the `unsafeHints.java.home` setting,
 * then `JAVA_HOME`, then the runtime the platform-specific extension carries, then `java` on `PATH`. The first one that runs and is new enough wins; every
 * one that was rejected is remembered with the reason, so the user gets one message that says
 * what was tried and what to install.
 *
 * Pure apart from the file-system and process probes, which callers may replace in tests.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import * as path from 'node:path';
import { BUNDLED_RUNTIME_REINSTALL, checkBundledRuntime } from './bundledRuntime';
import { MINIMUM_JAVA_VERSION, parseJavaMajorVersion } from './javaVersion';

export type JavaSource = 'setting' | 'JAVA_HOME' | 'bundled' | 'PATH';

export interface JavaCandidate {
  readonly source: JavaSource;
  /** The `java` executable to run. */
  readonly javaPath: string;
}

export interface JavaRejection {
  readonly source: JavaSource;
  /** The folder or executable that was looked at. */
  readonly location: string;
  readonly reason: string;
  /** What the user can do about it, when that is more than installing Java (the bundled runtime). */
  readonly advice?: string | undefined;
}

export interface JavaFound {
  readonly kind: 'found';
  readonly javaPath: string;
  readonly version: number;
  readonly source: JavaSource;
  /** Candidates tried before this one, with why they did not fit. */
  readonly rejected: readonly JavaRejection[];
}

export interface JavaNotFound {
  readonly kind: 'notFound';
  readonly rejected: readonly JavaRejection[];
}

export type JavaDiscoveryResult = JavaFound | JavaNotFound;

/** Runs `java -version`; resolves with everything it printed (the version goes to stderr). */
export type VersionProbe = (javaPath: string) => Promise<{ readonly output: string } | { readonly error: string }>;

export interface JavaDiscoveryInput {
  /** Value of `unsafeHints.java.home`; empty or blank means "not set". */
  readonly settingHome: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  /** The folder of the runtime a platform-specific extension carries; it need not exist. */
  readonly bundledHome?: string;
  /** `process.arch`; the bundled runtime must be built for it. */
  readonly arch?: string;
  readonly isExecutableFile?: (file: string) => boolean;
  readonly probe?: VersionProbe;
}

function javaExecutableName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'java.exe' : 'java';
}

function pathApi(platform: NodeJS.Platform): path.PlatformPath {
  return platform === 'win32' ? path.win32 : path.posix;
}

export function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) {
      return false;
    }
    accessSync(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export const runJavaVersion: VersionProbe = (javaPath) =>
  new Promise((resolve) => {
    execFile(javaPath, ['-version'], { timeout: 15_000, windowsHide: true }, (error, stdout, stderr) => {
      const output = `${stderr}${stdout}`;
      if (error !== null && output.trim() === '') {
        resolve({ error: error.message });
      } else {
        resolve({ output });
      }
    });
  });

/** The places to look, in order, without touching the disk. */
export function javaCandidates(input: JavaDiscoveryInput): { candidates: JavaCandidate[]; rejected: JavaRejection[] } {
  const p = pathApi(input.platform);
  const exe = javaExecutableName(input.platform);
  const isExecutable = input.isExecutableFile ?? isExecutableFile;
  const candidates: JavaCandidate[] = [];
  const rejected: JavaRejection[] = [];

  const fromHome = (source: JavaSource, home: string): void => {
    const javaPath = p.join(home, 'bin', exe);
    if (isExecutable(javaPath)) {
      candidates.push({ source, javaPath });
    } else {
      rejected.push({ source, location: home, reason: `no ${p.join('bin', exe)} in this folder` });
    }
  };

  const settingHome = input.settingHome?.trim() ?? '';
  if (settingHome !== '') {
    fromHome('setting', settingHome);
  }
  const javaHome = input.env.JAVA_HOME?.trim() ?? '';
  if (javaHome !== '') {
    fromHome('JAVA_HOME', javaHome);
  }
  if (input.bundledHome !== undefined) {
    const bundled = checkBundledRuntime({ home: input.bundledHome, platform: input.platform, arch: input.arch ?? process.arch });
    if (bundled?.kind === 'usable') {
      candidates.push({ source: 'bundled', javaPath: bundled.javaPath });
    } else if (bundled?.kind === 'unusable') {
      rejected.push({ source: 'bundled', location: input.bundledHome, reason: bundled.reason, advice: bundled.advice });
    }
  }
  // Windows spells it Path; node keeps the original case in process.env.
  const pathVariable = input.env.PATH ?? input.env.Path ?? '';
  const onPath = pathVariable
    .split(input.platform === 'win32' ? ';' : ':')
    .filter((dir) => dir.trim() !== '')
    .map((dir) => p.join(dir, exe))
    .find((file) => isExecutable(file));
  if (onPath !== undefined) {
    candidates.push({ source: 'PATH', javaPath: onPath });
  } else {
    rejected.push({ source: 'PATH', location: 'PATH', reason: `no ${exe} on PATH` });
  }
  // The same java may be reachable several ways (JAVA_HOME/bin is usually on PATH too): probe it once.
  const unique = candidates.filter((c, i) => candidates.findIndex((other) => other.javaPath === c.javaPath) === i);
  return { candidates: unique, rejected };
}

/** Probes the candidates in order and returns the first Java that is new enough. */
export async function findJava(input: JavaDiscoveryInput): Promise<JavaDiscoveryResult> {
  const probe = input.probe ?? runJavaVersion;
  const { candidates, rejected } = javaCandidates(input);
  const tried: JavaRejection[] = [];
  const rejectionsBefore = (source: JavaSource): JavaRejection[] =>
    rejected.filter((r) => sourceOrder(r.source) < sourceOrder(source));

  for (const candidate of candidates) {
    const result = await probe(candidate.javaPath);
    // The bundled runtime passed its checks, so a failure here means it is damaged inside.
    const advice = candidate.source === 'bundled' ? BUNDLED_RUNTIME_REINSTALL : undefined;
    if ('error' in result) {
      tried.push({ source: candidate.source, location: candidate.javaPath, reason: `could not run it (${result.error.split('\n')[0]?.trim() ?? ''})`, advice });
      continue;
    }
    const version = parseJavaMajorVersion(result.output);
    if (version === undefined) {
      tried.push({ source: candidate.source, location: candidate.javaPath, reason: 'it printed no Java version', advice });
      continue;
    }
    if (version < MINIMUM_JAVA_VERSION) {
      tried.push({ source: candidate.source, location: candidate.javaPath, reason: `it is Java ${version}; Java ${MINIMUM_JAVA_VERSION} or newer is needed` });
      continue;
    }
    return {
      kind: 'found',
      javaPath: candidate.javaPath,
      version,
      source: candidate.source,
      rejected: sortBySource([...rejectionsBefore(candidate.source), ...tried]),
    };
  }
  return { kind: 'notFound', rejected: sortBySource([...rejected, ...tried]) };
}

const SOURCE_ORDER: Record<JavaSource, number> = { setting: 0, JAVA_HOME: 1, bundled: 2, PATH: 3 };

function sourceOrder(source: JavaSource): number {
  return SOURCE_ORDER[source];
}

function sortBySource(rejections: JavaRejection[]): JavaRejection[] {
  return rejections.sort((a, b) => sourceOrder(a.source) - sourceOrder(b.source));
}

const SOURCE_LABELS: Record<JavaSource, string> = {
  setting: 'setting unsafeHints.java.home',
  JAVA_HOME: 'JAVA_HOME',
  bundled: 'the Java runtime bundled with the extension',
  PATH: 'PATH',
};

/** The advice of the rejections that have one, once each. */
function adviceOf(rejections: readonly JavaRejection[]): string {
  const advice = [...new Set(rejections.map((r) => r.advice).filter((a): a is string => a !== undefined))];
  return advice.length === 0 ? '' : ` ${advice.join(' ')}`;
}

/** One line per rejected candidate, for the output channel and the error message. */
export function describeRejections(rejections: readonly JavaRejection[]): string[] {
  return rejections.map((r) =>
    r.location === r.source ? `${SOURCE_LABELS[r.source]}: ${r.reason}` : `${SOURCE_LABELS[r.source]} (${r.location}): ${r.reason}`,
  );
}

/** The one message shown when no Java fits: what is wrong, what to install, where to point us. */
export function missingJavaMessage(rejections: readonly JavaRejection[]): string {
  const tried = describeRejections(rejections).join('; ');
  return (
    `Unsafe Hints needs Java ${MINIMUM_JAVA_VERSION} or newer to run its language server, and none was found. ` +
    `Install a Java ${MINIMUM_JAVA_VERSION}+ runtime (for example Eclipse Temurin ${MINIMUM_JAVA_VERSION}, ` +
    `or "openjdk-${MINIMUM_JAVA_VERSION}-jre-headless" on Debian/Ubuntu), then set "unsafeHints.java.home" to its folder ` +
    `or put it on PATH. Tried: ${tried}.${adviceOf(rejections)}`
  );
}

/**
 * When the user set `unsafeHints.java.home`, or the extension carries a runtime, but it could not
 * be used and another Java was: the one warning that says so and what to do (falling back without
 * a word would hide the user's mistake or a damaged install); otherwise undefined.
 */
export function settingIgnoredMessage(found: JavaFound): string | undefined {
  const ignored = found.rejected.filter((r) => r.source === 'setting' || r.source === 'bundled');
  if (ignored.length === 0) {
    return undefined;
  }
  const what = ignored.map((r) =>
    r.source === 'setting'
      ? `"unsafeHints.java.home" (${r.location}) is not usable: ${r.reason}`
      : `the Java runtime bundled with the extension (${r.location}) is not usable: ${r.reason}`,
  );
  return (
    `Unsafe Hints: ${what.join('; ')}. ` +
    `Using Java ${found.version} from ${SOURCE_LABELS[found.source]} (${found.javaPath}) instead.${adviceOf(ignored)}`
  );
}
