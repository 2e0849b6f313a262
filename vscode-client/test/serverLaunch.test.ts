import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { jvmOptions, reportCommand, serverCommand } from '../src/server/serverLaunch';

describe('jvmOptions', () => {
  it('keeps non-blank strings, trimmed', () => {
    assert.deepEqual(jvmOptions(['-Xmx1g', '  -XX:+UseSerialGC ', '', '   ']), ['-Xmx1g', '-XX:+UseSerialGC']);
  });
  it('drops entries that are not strings', () => {
    assert.deepEqual(jvmOptions(['-Xss4m', 42, null, { a: 1 }]), ['-Xss4m']);
  });
  it('splits a single string written by hand', () => {
    assert.deepEqual(jvmOptions(' -Xmx512m  -Dfoo=bar '), ['-Xmx512m', '-Dfoo=bar']);
  });
  it('treats anything else as no options', () => {
    assert.deepEqual(jvmOptions(undefined), []);
    assert.deepEqual(jvmOptions(7), []);
  });
});

describe('serverCommand', () => {
  it('runs java [start flags] [options] -jar <jar> serve, logging on stderr only what the client did not get', () => {
    assert.deepEqual(serverCommand('/jdk/bin/java', '/ext/server/unsafe-hints.jar', ['-Xmx1g']), {
      command: '/jdk/bin/java',
      args: ['-XX:+UseSerialGC', '-Xmx1g', '-jar', '/ext/server/unsafe-hints.jar', 'serve', '--stderr-log', 'unsent'],
    });
  });
  it('keeps paths with spaces as single arguments', () => {
    const { args } = serverCommand('/My JDK/bin/java', '/My Extensions/unsafe-hints.jar', []);
    assert.deepEqual(args.slice(-5, -2), ['-jar', '/My Extensions/unsafe-hints.jar', 'serve']);
  });
});

describe('reportCommand', () => {
  it('runs the scanner with the html format into the given file', () => {
    assert.deepEqual(reportCommand('java', 'u.jar', ['-Xss4m'], '/work/crate', '/tmp/r/report.html').args, [
      '-Xss4m',
      '-jar',
      'u.jar',
      'scan',
      '--format',
      'html',
      '-o',
      '/tmp/r/report.html',
      '/work/crate',
    ]);
  });
});
