// Packages the extension for one platform with a Java runtime inside, so it runs where no Java is
// installed: unsafe-hints-<target>.vsix (vsce package --target <target>).
//
// usage: node scripts/package-platform.mjs <target>       (npm run package:linux-x64)
// env:   UNSAFE_HINTS_RUNTIME=/path/to/runtime  a runtime already cut for that target (the release
//        bundle's runtime/, from mvn -Pdist package); otherwise one is cut here from the JDK that
//        runs the build (server/src/dist/make-runtime.sh), which is possible only for this machine's
//        own target: a release builds each target on a machine of that target (README).
//
// The runtime is copied into runtime/ for vsce and removed again afterwards, so the universal
// package (npm run package) never carries one.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAX_VSIX_MB = 60;
const extensionRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repositoryRoot = resolve(extensionRoot, '..');
const target = process.argv[2];
const thisMachine = `${process.platform}-${process.arch}`;

function fail(message) {
  console.error(`error: ${message}`);
  process.exit(1);
}

if (!target) fail('usage: node scripts/package-platform.mjs <target> (linux-x64, linux-arm64, darwin-arm64, win32-x64, ...)');
const given = process.env.UNSAFE_HINTS_RUNTIME;
if (!given && target !== thisMachine) {
  fail(`jlink cuts a runtime for the JDK that runs it, which is ${thisMachine}: build ${target} on a ${target} machine, ` +
    `or set UNSAFE_HINTS_RUNTIME to a runtime cut there (see README, "How a release is built")`);
}

const run = (command, args, options = {}) => execFileSync(command, args, { cwd: extensionRoot, stdio: 'inherit', ...options });
const npx = (args) => run(process.platform === 'win32' ? 'npx.cmd' : 'npx', args, { shell: process.platform === 'win32' });

const runtime = join(extensionRoot, 'runtime');
const vsix = join(extensionRoot, `unsafe-hints-${target}.vsix`);
rmSync(runtime, { recursive: true, force: true });
try {
  run(process.execPath, ['scripts/build.mjs', '--production']);
  run(process.execPath, ['scripts/copy-server-jar.mjs']);
  if (given) {
    if (!existsSync(join(given, 'unsafe-hints-manifest'))) fail(`${given} is not a runtime made by make-runtime.sh (no unsafe-hints-manifest)`);
    cpSync(given, runtime, { recursive: true, verbatimSymlinks: true });
    console.log(`copied the runtime ${given} -> ${runtime}`);
  } else {
    run('bash', [join(repositoryRoot, 'server', 'src', 'dist', 'make-runtime.sh'), join(extensionRoot, 'server', 'unsafe-hints.jar'), runtime]);
  }
  run(process.execPath, ['scripts/rule-schema.mjs']);
  // the same README addresses as the universal package (npm run package): absolute, for the details page
  npx(['vsce', 'package', '--target', target, '--no-dependencies', '--skip-license', '--allow-missing-repository',
    '--baseImagesUrl', 'https://github.com/unsafe-hints/unsafe-hints/raw/HEAD/vscode-client',
    '--baseContentUrl', 'https://github.com/unsafe-hints/unsafe-hints/blob/HEAD/vscode-client', '--out', vsix]);
} finally {
  rmSync(runtime, { recursive: true, force: true });
}

const megabytes = statSync(vsix).size / 1024 / 1024;
if (megabytes > MAX_VSIX_MB) {
  rmSync(vsix);
  fail(`${vsix} is ${megabytes.toFixed(1)} MB, more than the ${MAX_VSIX_MB} MB a platform package may weigh`);
}
const { version } = JSON.parse(readFileSync(join(extensionRoot, 'package.json'), 'utf8'));
console.log(`packaged ${vsix}: version ${version}, ${megabytes.toFixed(1)} MB, with its own Java runtime`);
