/** package.json and the code name the same commands, view and settings; the manifest checks itself. */
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CONFIG_SECTION, Commands, INVENTORY_VIEW_ID } from '../src/constants';
import { SERVER_SITE_RULES } from './serverSiteRules';

interface Manifest {
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: string | boolean; restrictedConfigurations?: string[] } };
  engines: { vscode: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  contributes: {
    commands: { command: string; title: string; category: string }[];
    views: Record<string, { id: string }[]>;
    configuration: { properties: Record<string, { description?: string; markdownDescription?: string; default?: unknown; properties?: Record<string, unknown> }> };
    semanticTokenModifiers: { id: string }[];
    configurationDefaults: Record<string, { rules: Record<string, unknown> }>;
  };
}

// Tests run from out/test/, two levels below the package.
const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as Manifest;

describe('package.json', () => {
  it('contributes every command the code registers, titled "Unsafe Hints: …"', () => {
    const contributed = manifest.contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(contributed, Object.values(Commands).sort());
    for (const command of manifest.contributes.commands) {
      assert.equal(command.category, 'Unsafe Hints', command.command);
    }
    const titles = manifest.contributes.commands.map((c) => c.title);
    for (const title of ['Show Unsafe Inventory', 'Open Report', 'Restart Server', 'Show Output']) {
      assert.ok(titles.includes(title), title);
    }
  });

  it('contributes the inventory view', () => {
    const views = Object.values(manifest.contributes.views).flat().map((v) => v.id);
    assert.ok(views.includes(INVENTORY_VIEW_ID));
  });

  it('activates on Rust files and Cargo workspaces', () => {
    assert.deepEqual(manifest.activationEvents, ['onLanguage:rust', 'workspaceContains:**/Cargo.toml']);
  });

  it('does not let an untrusted workspace choose the program that starts the server, nor run cargo', () => {
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations?.sort(), [
      `${CONFIG_SECTION}.cargo.enable`,
      `${CONFIG_SECTION}.java.home`,
      `${CONFIG_SECTION}.java.options`,
    ]);
  });

  it('documents every setting and gives it a default', () => {
    const properties = manifest.contributes.configuration.properties;
    const names = Object.keys(properties).sort();
    assert.deepEqual(names, [
      'cargo.enable',
      'java.home',
      'java.options',
      'largeBlockThreshold',
      'rules',
      'trace.server',
    ].map((n) => `${CONFIG_SECTION}.${n}`));
    for (const [name, property] of Object.entries(properties)) {
      assert.ok(property.description ?? property.markdownDescription, `${name} has a description`);
      assert.notEqual(property.default, undefined, `${name} has a default`);
    }
  });

  it('lists exactly the rule catalogue in the rules schema, so VS Code warns on an unknown id', () => {
    // the catalogue: one document per rule in the server (scripts/rule-schema.mjs writes the schema from it)
    const docs = path.join(__dirname, '..', '..', '..', 'server', 'src', 'main', 'resources', 'dev', 'unsafehints', 'rules', 'docs');
    const catalogue = readdirSync(docs).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort();
    const rules = manifest.contributes.configuration.properties[`${CONFIG_SECTION}.rules`] as unknown as {
      properties: Record<string, unknown>;
      additionalProperties: unknown;
    };
    assert.deepEqual(Object.keys(rules.properties).sort(), catalogue, 'run node scripts/rule-schema.mjs');
    assert.equal(rules.additionalProperties, false);
    for (const id of [...SERVER_SITE_RULES.unsafeSites, ...SERVER_SITE_RULES.documented]) {
      assert.ok(catalogue.includes(id), id);
    }
  });

  it('styles the unsafe semantic token modifier out of the box', () => {
    assert.deepEqual(manifest.contributes.semanticTokenModifiers.map((m) => m.id), ['unsafe']);
    const rules = manifest.contributes.configurationDefaults['editor.semanticTokenColorCustomizations']?.rules ?? {};
    assert.ok('*.unsafe:rust' in rules);
  });

  it('pins every dependency and uses a language client made for our VS Code version', () => {
    for (const [name, version] of Object.entries({ ...manifest.dependencies, ...manifest.devDependencies })) {
      assert.match(version, /^\d+\.\d+\.\d+$/, `${name} is pinned`);
    }
    const clientManifest = JSON.parse(
      readFileSync(path.join(__dirname, '..', '..', 'node_modules', 'vscode-languageclient', 'package.json'), 'utf8'),
    ) as { engines: { vscode: string } };
    assert.equal(clientManifest.engines.vscode, manifest.engines.vscode);
  });
});
