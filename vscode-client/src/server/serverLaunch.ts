/**
 * The command lines the extension runs: the language server and the HTML report scan.
 * Pure, so what we pass to `java` is unit-tested exactly.
 */

/**
 * The user's extra JVM options, cleaned: only non-blank strings survive. Settings are user-edited
 * JSON, so anything else (a single string, numbers, null) is tolerated rather than trusted.
 */
export function jvmOptions(setting: unknown): string[] {
  if (typeof setting === 'string') {
    return setting.split(/\s+/).filter((option) => option !== '');
  }
  if (!Array.isArray(setting)) {
    return [];
  }
  return setting
    .filter((option): option is string => typeof option === 'string')
    .map((option) => option.trim())
    .filter((option) => option !== '');
}

export interface ProcessCommand {
  readonly command: string;
  readonly args: readonly string[];
}

/**
 * JVM flags for the language server: the serial collector, whose pauses are short on the server's
 * small heap (first diagnostics in about a second, and lower edit latency than the default
 * collector; see the README's benchmarks). The user's options come after it, so they can override it.
 */
export const SERVER_START_OPTIONS: readonly string[] = ['-XX:+UseSerialGC'];

/**
 * `java [start flags] [options] -jar <jar> serve --stderr-log unsent`: the language server over stdio.
 * The client shows the server's stderr in the same output channel (as errors), so the server writes
 * there only what it could not send as a log message: each line once, at its own level.
 */
export function serverCommand(javaPath: string, jarPath: string, options: readonly string[]): ProcessCommand {
  return {
    command: javaPath,
    args: [...SERVER_START_OPTIONS, ...options, '-jar', jarPath, 'serve', '--stderr-log', 'unsent'],
  };
}

/** `java [options] -jar <jar> scan --format html -o <file> <folder>`: the teaching report. */
export function reportCommand(
  javaPath: string,
  jarPath: string,
  options: readonly string[],
  folder: string,
  outputFile: string,
): ProcessCommand {
  return { command: javaPath, args: [...options, '-jar', jarPath, 'scan', '--format', 'html', '-o', outputFile, folder] };
}
