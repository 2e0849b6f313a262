/** The "Unsafe Inventory" tree view: crate → file → kind → site; a site opens its location. */
import * as vscode from 'vscode';
import { ExecuteCommandRequest } from 'vscode-languageclient/node';
import { SERVER_INVENTORY_COMMAND } from '../constants';
import { countSites, countsLabel, groupInventory, parseInventory } from './inventoryModel';
import { fileItem, kindItem, siteItem, siteRange } from './treeItems';
import type { CrateGroup, FileGroup, InventorySite, KindGroup } from './inventoryModel';
import type { ServerController } from '../server/serverController';

type InventoryNode =
  | { readonly kind: 'crate'; readonly group: CrateGroup }
  | { readonly kind: 'file'; readonly group: FileGroup }
  | { readonly kind: 'kind'; readonly group: KindGroup; readonly fileUri: string }
  | { readonly kind: 'site'; readonly site: InventorySite };

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

const EXPAND_KINDS_UP_TO = 200;

export class InventoryTreeProvider implements vscode.TreeDataProvider<InventoryNode>, vscode.Disposable {
  private crates: CrateGroup[] = [];
  private rows = 0;
  private readonly changed = new vscode.EventEmitter<InventoryNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private view: vscode.TreeView<InventoryNode> | undefined;
  private refreshing: Promise<void> | undefined;

  constructor(
    private readonly server: ServerController,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  attach(view: vscode.TreeView<InventoryNode>): void {
    this.view = view;
  }

  get siteCount(): number {
    return this.crates.reduce((sum, crate) => sum + crate.siteCount, 0);
  }

  /** Every row the tree lists (sites, operations, casts): what decides whether kinds open. */
  get rowCount(): number {
    return this.rows;
  }

  /** Asks the server for the inventory again; concurrent calls share one request. */
  refresh(): Promise<void> {
    this.refreshing ??= this.load().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async load(): Promise<void> {
    const client = await this.server.readyClient();
    if (client === undefined) {
      this.crates = [];
      this.setMessage('The Unsafe Hints language server is not running. See "Unsafe Hints: Show Output".');
      this.changed.fire(undefined);
      return;
    }
    try {
      const answer: unknown = await client.sendRequest(ExecuteCommandRequest.type, {
        command: SERVER_INVENTORY_COMMAND,
        arguments: [],
      });
      const sites = parseInventory(answer);
      this.rows = sites.length;
      this.crates = groupInventory(sites, this.server.siteRules);
      const files = this.crates.reduce((sum, crate) => sum + crate.files.length, 0);
      this.setMessage(this.crates.length === 0 ? undefined : `${countsLabel(countSites(sites, this.server.siteRules))} in ${plural(files, 'file')}`);
    } catch (error) {
      this.log.error(`Unsafe inventory request failed: ${String(error)}`);
      this.crates = [];
      this.setMessage('The language server could not list the unsafe sites. See "Unsafe Hints: Show Output".');
    }
    this.changed.fire(undefined);
  }

  private setMessage(message: string | undefined): void {
    if (this.view !== undefined) {
      this.view.message = message ?? '';
    }
  }

  getChildren(node?: InventoryNode): InventoryNode[] {
    if (node === undefined) {
      return this.crates.map((group) => ({ kind: 'crate', group }));
    }
    switch (node.kind) {
      case 'crate':
        return node.group.files.map((group) => ({ kind: 'file', group }));
      case 'file':
        return node.group.kinds.map((group) => ({ kind: 'kind', group, fileUri: node.group.uri }));
      case 'kind':
        return node.group.sites.map((site) => ({ kind: 'site', site }));
      case 'site':
        return [];
    }
  }

  getTreeItem(node: InventoryNode): vscode.TreeItem {
    const expanded = vscode.TreeItemCollapsibleState.Expanded;
    switch (node.kind) {
      case 'crate': {
        const item = new vscode.TreeItem(node.group.crate, expanded);
        item.description = countsLabel(node.group.counts);
        item.iconPath = new vscode.ThemeIcon('package');
        item.contextValue = 'crate';
        return item;
      }
      case 'file':
        return fileItem(node.group, expanded);
      case 'kind':
        // Small inventories open fully, so a click on a site is one step away; big ones stay folded.
        return kindItem(node.group, this.rowCount <= EXPAND_KINDS_UP_TO ? expanded : vscode.TreeItemCollapsibleState.Collapsed);
      case 'site':
        return siteItem(node.site, {
          command: 'vscode.open',
          title: 'Go to unsafe site',
          arguments: [vscode.Uri.parse(node.site.uri), { selection: siteRange(node.site) } satisfies vscode.TextDocumentShowOptions],
        });
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
