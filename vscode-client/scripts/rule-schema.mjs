// Writes the settings schema of `unsafeHints.rules` from the rule catalogue: one property per rule id
// (its title and first sentence as the description), and no others, so VS Code warns on a misspelt id
// in settings.json. The catalogue is the server's rule documents, one per rule:
// server/src/main/resources/dev/unsafehints/rules/docs/<id>.md, whose first line is "# <id>: <title>".
// usage: node scripts/rule-schema.mjs [--check]   (--check: exit 1 when package.json is not up to date)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const extensionRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const docs = join(extensionRoot, '..', 'server', 'src', 'main', 'resources', 'dev', 'unsafehints', 'rules', 'docs');
const manifestPath = join(extensionRoot, 'package.json');
const LEVELS = ['off', 'hint', 'note', 'warning', 'error'];

export function ruleSchema(docsFolder = docs) {
  const properties = {};
  for (const file of readdirSync(docsFolder).filter((f) => f.endsWith('.md')).sort()) {
    const id = file.slice(0, -3);
    const text = readFileSync(join(docsFolder, file), 'utf8');
    const title = /^# [^:\n]+: (.+)$/m.exec(text)?.[1]?.trim() ?? id;
    const lead = text.split('\n\n')[1]?.replace(/\s+/g, ' ').trim() ?? '';
    const sentence = /^(.+?[.!?])(\s|$)/.exec(lead)?.[1] ?? lead;
    properties[id] = { type: 'string', enum: LEVELS, markdownDescription: `**${title}.** ${sentence}` };
  }
  return properties;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const rules = manifest.contributes.configuration.properties['unsafeHints.rules'];
  const wanted = ruleSchema();
  const current = JSON.stringify({ p: rules.properties, a: rules.additionalProperties });
  rules.properties = wanted;
  rules.additionalProperties = false;
  if (JSON.stringify({ p: rules.properties, a: rules.additionalProperties }) === current) {
    console.log(`package.json: unsafeHints.rules lists the ${Object.keys(wanted).length} rules`);
  } else if (process.argv.includes('--check')) {
    console.error('package.json: unsafeHints.rules is out of date with the rule catalogue: run node scripts/rule-schema.mjs');
    process.exit(1);
  } else {
    writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    console.log(`package.json: unsafeHints.rules now lists the ${Object.keys(wanted).length} rules`);
  }
}
