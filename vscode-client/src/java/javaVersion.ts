/**
 * Reads the Java feature release ("major version") from what `java -version` prints.
 *
 * Pure: no VS Code, no processes, so it is unit-tested directly.
 */

/** Java feature release the language server needs (it is compiled for Java 17). */
export const MINIMUM_JAVA_VERSION = 17;

/**
 * The feature release named in `java -version` output, or undefined when the text names none.
 *
 * Handles both numbering schemes: `1.8.0_402` (Java 8 and older, where the feature release is the
 * second number) and `17.0.15` / `21` / `22-ea` (Java 9 and newer).
 */
export function parseJavaMajorVersion(versionOutput: string): number | undefined {
  // `openjdk version "17.0.15" 2025-04-15`, `java version "1.8.0_402"`; some builds print single quotes.
  const quoted = /\bversion\s+["']([^"']+)["']/.exec(versionOutput);
  const version = quoted?.[1];
  if (version === undefined) {
    return undefined;
  }
  const numbers = /^(\d+)(?:\.(\d+))?/.exec(version);
  if (numbers === null) {
    return undefined;
  }
  const first = Number(numbers[1]);
  if (first === 1 && numbers[2] !== undefined) {
    return Number(numbers[2]);
  }
  return first;
}
