/**
 * Java discovery against real executables: each fake JDK is a folder with a bin/java shell
 * script that prints what that JDK's `java -version` prints, the way the real one does (stderr).
 */
import { strict as assert } from 'node:assert';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { describeRejections, findJava, javaCandidates, missingJavaMessage, settingIgnoredMessage } from '../src/java/javaDiscovery';

let root: string;

function fakeJdk(name: string, versionLine: string): string {
  const home = path.join(root, name);
  mkdirSync(path.join(home, 'bin'), { recursive: true });
  const java = path.join(home, 'bin', 'java');
  writeFileSync(java, `#!/bin/sh\necho '${versionLine}' >&2\necho 'OpenJDK Runtime Environment' >&2\n`);
  chmodSync(java, 0o755);
  return home;
}

function brokenJdk(name: string): string {
  const home = path.join(root, name);
  mkdirSync(path.join(home, 'bin'), { recursive: true });
  const java = path.join(home, 'bin', 'java');
  writeFileSync(java, '#!/bin/sh\nexit 3\n');
  chmodSync(java, 0o755);
  return home;
}

const posix = 'linux' as NodeJS.Platform;

describe('findJava', { skip: process.platform === 'win32' ? 'uses shell scripts as fake java' : false }, () => {
  let jdk21: string;
  let jdk17: string;
  let jdk11: string;
  let jdk8: string;
  let broken: string;
  let empty: string;

  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'unsafe-hints-java-'));
    jdk21 = fakeJdk('jdk21', 'openjdk version "21.0.3" 2024-04-16');
    jdk17 = fakeJdk('jdk17', 'openjdk version "17.0.15" 2025-04-15');
    jdk11 = fakeJdk('jdk11', 'openjdk version "11.0.22" 2024-01-16');
    jdk8 = fakeJdk('jdk8', 'java version "1.8.0_402"');
    broken = brokenJdk('broken');
    empty = path.join(root, 'empty');
    mkdirSync(empty);
  });
  after(() => { rmSync(root, { recursive: true, force: true }); });

  it('prefers the setting over JAVA_HOME and PATH', async () => {
    const result = await findJava({
      settingHome: jdk21,
      env: { JAVA_HOME: jdk17, PATH: path.join(jdk11, 'bin') },
      platform: posix,
    });
    assert.ok(result.kind === 'found');
    assert.equal(result.javaPath, path.join(jdk21, 'bin', 'java'));
    assert.equal(result.version, 21);
    assert.equal(result.source, 'setting');
    assert.deepEqual(result.rejected, []);
  });

  it('uses JAVA_HOME when the setting is blank', async () => {
    const result = await findJava({ settingHome: '  ', env: { JAVA_HOME: jdk17, PATH: path.join(jdk21, 'bin') }, platform: posix });
    assert.ok(result.kind === 'found');
    assert.equal(result.source, 'JAVA_HOME');
    assert.equal(result.version, 17);
  });

  it('falls back to PATH past a setting without bin/java and a too-old JAVA_HOME, and says why', async () => {
    const result = await findJava({
      settingHome: empty,
      env: { JAVA_HOME: jdk11, PATH: ['/nonexistent', path.join(jdk17, 'bin')].join(':') },
      platform: posix,
    });
    assert.ok(result.kind === 'found');
    assert.equal(result.source, 'PATH');
    assert.equal(result.javaPath, path.join(jdk17, 'bin', 'java'));
    assert.deepEqual(describeRejections(result.rejected), [
      `setting unsafeHints.java.home (${empty}): no bin/java in this folder`,
      `JAVA_HOME (${path.join(jdk11, 'bin', 'java')}): it is Java 11; Java 17 or newer is needed`,
    ]);
  });

  it('warns when the setting could not be used and another Java was', async () => {
    const fallback = await findJava({ settingHome: jdk11, env: { PATH: path.join(jdk17, 'bin') }, platform: posix });
    assert.ok(fallback.kind === 'found');
    assert.equal(
      settingIgnoredMessage(fallback),
      `Unsafe Hints: "unsafeHints.java.home" (${path.join(jdk11, 'bin', 'java')}) is not usable: it is Java 11; Java 17 or newer is needed. ` +
        `Using Java 17 from PATH (${path.join(jdk17, 'bin', 'java')}) instead.`,
    );
    const fromSetting = await findJava({ settingHome: jdk17, env: { PATH: path.join(jdk11, 'bin') }, platform: posix });
    assert.ok(fromSetting.kind === 'found');
    assert.equal(settingIgnoredMessage(fromSetting), undefined);
  });

  it('takes the first java on PATH, as a shell would, and rejects it when it is too old', async () => {
    const result = await findJava({
      settingHome: undefined,
      env: { PATH: [path.join(jdk8, 'bin'), path.join(jdk17, 'bin')].join(':') },
      platform: posix,
    });
    assert.equal(result.kind, 'notFound');
    assert.deepEqual(describeRejections(result.rejected), [
      `PATH (${path.join(jdk8, 'bin', 'java')}): it is Java 8; Java 17 or newer is needed`,
    ]);
  });

  it('rejects a java that fails without printing anything', async () => {
    const result = await findJava({ settingHome: broken, env: {}, platform: posix });
    assert.equal(result.kind, 'notFound');
    const [first, second] = describeRejections(result.rejected);
    assert.match(first ?? '', /^setting unsafeHints\.java\.home \(.*broken\/bin\/java\): could not run it/);
    assert.equal(second, 'PATH: no java on PATH');
  });

  it('explains what to install when nothing fits', async () => {
    const result = await findJava({ settingHome: '', env: { JAVA_HOME: jdk11, PATH: '' }, platform: posix });
    assert.equal(result.kind, 'notFound');
    const message = missingJavaMessage(result.rejected);
    assert.match(message, /needs Java 17 or newer/);
    assert.match(message, /openjdk-17-jre-headless/);
    assert.match(message, /"unsafeHints\.java\.home"/);
    assert.match(message, /JAVA_HOME \(.*jdk11\/bin\/java\): it is Java 11/);
    assert.match(message, /PATH: no java on PATH\.$/);
  });

  it('probes a java reachable both through JAVA_HOME and PATH only once', async () => {
    const probed: string[] = [];
    const result = await findJava({
      settingHome: undefined,
      env: { JAVA_HOME: jdk11, PATH: path.join(jdk11, 'bin') },
      platform: posix,
      probe: (javaPath) => {
        probed.push(javaPath);
        return Promise.resolve({ output: 'openjdk version "11.0.22"' });
      },
    });
    assert.equal(result.kind, 'notFound');
    assert.deepEqual(probed, [path.join(jdk11, 'bin', 'java')]);
  });

  it('finds the Java this machine runs the build with', async () => {
    const result = await findJava({ settingHome: undefined, env: process.env, platform: process.platform });
    if (result.kind === 'notFound') {
      // Machines without Java 17+ cannot build the server either; say so instead of failing obscurely.
      assert.fail(missingJavaMessage(result.rejected));
    }
    assert.ok(result.version >= 17);
  });
});

describe('javaCandidates', () => {
  it('looks for java.exe with ; separated Path on Windows', () => {
    const existing = new Set(['C:\\jdk17\\bin\\java.exe', 'D:\\tools\\java.exe']);
    const { candidates, rejected } = javaCandidates({
      settingHome: 'C:\\jdk17',
      env: { Path: 'C:\\Windows;D:\\tools' },
      platform: 'win32',
      isExecutableFile: (file) => existing.has(file),
    });
    assert.deepEqual(candidates, [
      { source: 'setting', javaPath: 'C:\\jdk17\\bin\\java.exe' },
      { source: 'PATH', javaPath: 'D:\\tools\\java.exe' },
    ]);
    assert.deepEqual(rejected, []);
  });
});
