/**
 * The checks of the runtime a platform-specific extension carries, on real folders laid out as
 * make-runtime.sh lays them out: bin/java, lib/jspawnhelper and the size list unsafe-hints-manifest.
 * bin/java is a shell script that answers -version like Java 17, or an ELF header of some machine.
 */
import { strict as assert } from 'node:assert';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkBundledRuntime, executableTarget } from '../src/java/bundledRuntime';
import { describeRejections, findJava, missingJavaMessage, settingIgnoredMessage } from '../src/java/javaDiscovery';

let root: string;
let count = 0;

/** An ELF header (the first 20 bytes) for the given e_machine. */
function elfHeader(machine: number): Buffer {
  const header = Buffer.alloc(64);
  header.writeUInt32BE(0x7f454c46, 0);
  header.writeUInt16LE(machine, 18);
  return header;
}

/** The check's reason and advice, failing when the runtime was accepted or absent. */
function unusable(check: ReturnType<typeof checkBundledRuntime>): { reason: string; advice: string } {
  assert.ok(check?.kind === 'unusable', `expected the runtime to be rejected: ${JSON.stringify(check)}`);
  return check;
}

const JAVA_17 = "#!/bin/sh\necho 'openjdk version \"17.0.15\" 2025-04-15' >&2\n";

/** A runtime folder with a size list of its files, as the build writes it. */
function runtime(java: string | Buffer): string {
  const home = path.join(root, `runtime-${++count}`);
  mkdirSync(path.join(home, 'bin'), { recursive: true });
  mkdirSync(path.join(home, 'lib'), { recursive: true });
  writeFileSync(path.join(home, 'bin', 'java'), java);
  writeFileSync(path.join(home, 'lib', 'jspawnhelper'), '#!/bin/sh\n');
  writeFileSync(path.join(home, 'lib', 'modules'), Buffer.alloc(4096, 7));
  chmodSync(path.join(home, 'bin', 'java'), 0o755);
  chmodSync(path.join(home, 'lib', 'jspawnhelper'), 0o755);
  const files = ['bin/java', 'lib/jspawnhelper', 'lib/modules'];
  writeFileSync(path.join(home, 'unsafe-hints-manifest'), files.map((f) => `${statSync(path.join(home, f)).size} ${f}`).join('\n') + '\n');
  return home;
}

describe('checkBundledRuntime', { skip: process.platform === 'win32' ? 'uses shell scripts as fake java' : false }, () => {
  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'unsafe-hints-runtime-'));
  });
  after(() => { rmSync(root, { recursive: true, force: true }); });

  it('says nothing when the extension carries no runtime (the universal package)', () => {
    assert.equal(checkBundledRuntime({ home: path.join(root, 'none'), platform: 'linux', arch: 'x64' }), undefined);
  });

  it('accepts a whole runtime built for this machine', () => {
    const home = runtime(Buffer.concat([elfHeader(0x3e), Buffer.from(JAVA_17)]));
    assert.deepEqual(checkBundledRuntime({ home, platform: 'linux', arch: 'x64' }), { kind: 'usable', javaPath: path.join(home, 'bin', 'java') });
  });

  it('rejects a runtime for another processor or system, naming both', () => {
    const arm = runtime(elfHeader(0xb7));
    const check = unusable(checkBundledRuntime({ home: arm, platform: 'linux', arch: 'x64' }));
    assert.equal(check.reason, 'it is built for linux-arm64, and this machine is linux-x64');
    assert.match(check.advice, /Install the extension for linux-x64/);
    const mac = runtime(Buffer.from([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1]));
    assert.equal(unusable(checkBundledRuntime({ home: mac, platform: 'linux', arch: 'x64' })).reason, 'it is built for darwin, and this machine is linux-x64');
  });

  it('rejects a runtime cut short or with a file missing, naming the files', () => {
    const home = runtime(JAVA_17);
    truncateSync(path.join(home, 'lib', 'modules'), 100);
    rmSync(path.join(home, 'lib', 'jspawnhelper'));
    const check = unusable(checkBundledRuntime({ home, platform: 'linux', arch: 'x64' }));
    assert.equal(check.reason, 'it is damaged (files missing or cut short: lib/jspawnhelper, lib/modules)');
    assert.equal(check.advice, 'Reinstall the extension to get its runtime back.');
    const noList = runtime(JAVA_17);
    rmSync(path.join(noList, 'unsafe-hints-manifest'));
    assert.match(JSON.stringify(checkBundledRuntime({ home: noList, platform: 'linux', arch: 'x64' })), /its file list unsafe-hints-manifest is missing/);
  });

  it('makes the programs executable again when an install dropped the permission', () => {
    const home = runtime(JAVA_17);
    chmodSync(path.join(home, 'bin', 'java'), 0o644);
    chmodSync(path.join(home, 'lib', 'jspawnhelper'), 0o644);
    assert.equal(checkBundledRuntime({ home, platform: 'linux', arch: 'x64' })?.kind, 'usable');
    assert.equal(statSync(path.join(home, 'bin', 'java')).mode & 0o111, 0o111);
    assert.equal(statSync(path.join(home, 'lib', 'jspawnhelper')).mode & 0o111, 0o111);
  });

  it('says so when the extension folder cannot be written to make them executable', () => {
    const home = runtime(JAVA_17);
    chmodSync(path.join(home, 'bin', 'java'), 0o644);
    // Root may chmod anything; a read-only file system answers like this.
    const readOnly = (): void => { throw Object.assign(new Error('read-only file system'), { code: 'EROFS' }); };
    const check = unusable(checkBundledRuntime({ home, platform: 'linux', arch: 'x64', chmod: readOnly }));
    assert.equal(check.reason, 'bin/java is not executable, and making it so failed (EROFS): the extension folder is not writable');
    assert.match(check.advice, /unsafeHints\.java\.home/);
  });

  it('reads what an executable was built for from its first bytes', () => {
    assert.deepEqual(executableTarget(elfHeader(0x3e)), { os: 'linux', arch: 'x64' });
    assert.deepEqual(executableTarget(elfHeader(0xb7)), { os: 'linux', arch: 'arm64' });
    assert.deepEqual(executableTarget(Buffer.from('MZ\x90\x00')), { os: 'win32' });
    assert.equal(executableTarget(Buffer.from('#!/bin/sh\n')), undefined);
  });
});

describe('findJava with a bundled runtime', { skip: process.platform === 'win32' ? 'uses shell scripts as fake java' : false }, () => {
  let jdk17: string;
  let jdk11: string;
  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'unsafe-hints-runtime-'));
    jdk17 = runtime(JAVA_17);
    jdk11 = runtime("#!/bin/sh\necho 'openjdk version \"11.0.22\" 2024-01-16' >&2\n");
  });
  after(() => { rmSync(root, { recursive: true, force: true }); });

  it('runs on the bundled runtime when no Java is installed', async () => {
    const bundledHome = runtime(JAVA_17);
    const result = await findJava({ settingHome: undefined, env: { PATH: '' }, platform: 'linux', arch: 'x64', bundledHome });
    assert.ok(result.kind === 'found');
    assert.equal(result.source, 'bundled');
    assert.equal(result.javaPath, path.join(bundledHome, 'bin', 'java'));
    assert.deepEqual(result.rejected, []);
  });

  it('lets the setting and JAVA_HOME win over it, and the bundled runtime win over PATH', async () => {
    const bundledHome = runtime(JAVA_17);
    const viaSetting = await findJava({ settingHome: jdk17, env: { JAVA_HOME: jdk11 }, platform: 'linux', arch: 'x64', bundledHome });
    assert.ok(viaSetting.kind === 'found' && viaSetting.source === 'setting');
    const viaJavaHome = await findJava({ settingHome: '', env: { JAVA_HOME: jdk17 }, platform: 'linux', arch: 'x64', bundledHome });
    assert.ok(viaJavaHome.kind === 'found' && viaJavaHome.source === 'JAVA_HOME');
    const overPath = await findJava({ settingHome: '', env: { PATH: path.join(jdk17, 'bin') }, platform: 'linux', arch: 'x64', bundledHome });
    assert.ok(overPath.kind === 'found' && overPath.source === 'bundled');
  });

  it('falls back past a damaged runtime and a JAVA_HOME that points nowhere, in one warning', async () => {
    const bundledHome = runtime(JAVA_17);
    truncateSync(path.join(bundledHome, 'lib', 'modules'), 10);
    const nowhere = path.join(root, 'nowhere');
    const result = await findJava({ settingHome: '', env: { JAVA_HOME: nowhere, PATH: path.join(jdk17, 'bin') }, platform: 'linux', arch: 'x64', bundledHome });
    assert.ok(result.kind === 'found');
    assert.equal(result.source, 'PATH');
    assert.deepEqual(describeRejections(result.rejected), [
      `JAVA_HOME (${nowhere}): no bin/java in this folder`,
      `the Java runtime bundled with the extension (${bundledHome}): it is damaged (files missing or cut short: lib/modules)`,
    ]);
    assert.equal(
      settingIgnoredMessage(result),
      `Unsafe Hints: the Java runtime bundled with the extension (${bundledHome}) is not usable: it is damaged (files missing or cut short: lib/modules). ` +
        `Using Java 17 from PATH (${path.join(jdk17, 'bin', 'java')}) instead. Reinstall the extension to get its runtime back.`,
    );
  });

  it('explains a damaged runtime with an old Java on PATH in one message', async () => {
    const bundledHome = runtime(elfHeader(0xb7));
    const result = await findJava({ settingHome: '', env: { PATH: path.join(jdk11, 'bin') }, platform: 'linux', arch: 'x64', bundledHome });
    assert.equal(result.kind, 'notFound');
    const message = missingJavaMessage(result.rejected);
    assert.match(message, /the Java runtime bundled with the extension \(.*\): it is built for linux-arm64, and this machine is linux-x64; /);
    assert.match(message, /PATH \(.*\/bin\/java\): it is Java 11; Java 17 or newer is needed\. Install the extension for linux-x64/);
  });

  it('rejects a bundled runtime whose java does not run, with the advice to reinstall', async () => {
    const bundledHome = runtime('#!/bin/sh\nexit 1\n');
    const result = await findJava({ settingHome: '', env: { PATH: '' }, platform: 'linux', arch: 'x64', bundledHome });
    assert.equal(result.kind, 'notFound');
    assert.match(missingJavaMessage(result.rejected), /bundled with the extension \(.*\/bin\/java\): could not run it.*Reinstall the extension to get its runtime back\.$/);
  });
});
