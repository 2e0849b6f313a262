import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parseJavaMajorVersion } from '../src/java/javaVersion';

describe('parseJavaMajorVersion', () => {
  const cases: [string, number | undefined][] = [
    ['openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment (build 17.0.15+6-Debian-1deb12u1)', 17],
    ['openjdk version "21" 2023-09-19\nOpenJDK 64-Bit Server VM', 21],
    ['java version "1.8.0_402"\nJava(TM) SE Runtime Environment (build 1.8.0_402-b06)', 8],
    ['openjdk version "11.0.22" 2024-01-16 LTS', 11],
    ['openjdk version "24-ea" 2025-03-18', 24],
    ["openjdk version '17.0.2'", 17],
    ['Picked up JAVA_TOOL_OPTIONS: -Dfoo=bar\nopenjdk version "22.0.1" 2024-04-16', 22],
    ['Error: could not find libjava.so', undefined],
    ['', undefined],
    ['java version "abc"', undefined],
  ];
  for (const [output, expected] of cases) {
    it(`reads ${String(expected)} from ${JSON.stringify(output.split('\n')[0])}`, () => {
      assert.equal(parseJavaMajorVersion(output), expected);
    });
  }
});
