// Copies the language server jar built by Maven into the extension, so `vsce package` ships it.
// usage: node scripts/copy-server-jar.mjs   (UNSAFE_HINTS_JAR=/path/to.jar overrides the source)
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const extensionRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = resolve(process.env.UNSAFE_HINTS_JAR ?? join(extensionRoot, '..', 'server', 'target', 'unsafe-hints.jar'));
const target = join(extensionRoot, 'server', 'unsafe-hints.jar');

if (!existsSync(source)) {
  console.error(`error: the language server jar is missing: ${source}`);
  console.error('run mvn package first (at the repository root), then npm run package again.');
  process.exit(1);
}
// .vscodeignore lets runtime/ in for platform packages, which copy it after this step; a runtime/
// left behind by an interrupted platform package must not end up in the universal one.
rmSync(join(extensionRoot, 'runtime'), { recursive: true, force: true });
mkdirSync(dirname(target), { recursive: true });
copyFileSync(source, target);
console.log(`copied ${source} (${Math.round(statSync(target).size / 1024)} KiB) -> ${target}`);
