/**
 * The "Dependencies" tree view: one collapsed row per package of the crate graph; opening a package
 * asks the server for its unsafe sites (analysed then, so a large graph costs nothing until a
 * package is opened), shown file → kind → site like the inventory. A site opens read-only: the
 * dependency's sources are not the user's to edit.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest } from 'vscode-languageclient/node';
import { Commands, SERVER_DEPENDENCIES_COMMAND } from '../constants';
import { packageDescription, parseDependencyList, parseDependencySites } from './dependencyModel';
import type { DependencyPackage } from './dependencyModel';
import { groupInventory } from './inventoryModel';
import { fileItem, kindItem, siteItem, siteRange } from './treeItems';
import type { FileGroup, InventorySite, KindGroup } from './inventoryModel';
import type { ServerController } from '../server/serverController';

type DependencyNode =
  | { readonly kind: 'package'; readonly pkg: DependencyPackage }
  | { readonly kind: 'message'; readonly text: string }
  | { readonly kind: 'file'; readonly group: FileGroup }
  | { readonly kind: 'kind'; readonly group: KindGroup }
  | { readonly kind: 'site'; readonly site: InventorySite };

export class DependencyTreeProvider implements vscode.TreeDataProvider<DependencyNode>, vscode.Disposable {
  private packages: DependencyPackage[] = [];
  /** Each opened package's files, by its folder; cleared when the list is read again. */
  private readonly files = new Map<string, FileGroup[]>();
  private readonly changed = new vscode.EventEmitter<DependencyNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private view: vscode.TreeView<DependencyNode> | undefined;

  constructor(
    private readonly server: ServerController,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  attach(view: vscode.TreeView<DependencyNode>): void {
    this.view = view;
  }

  /** Asks again while the server is still reading the crate graph: every 2 s, for a minute. */
  private static readonly RETRY_MS = 2000;
  private static readonly RETRIES = 30;
  private retries = 0;
  private retry: NodeJS.Timeout | undefined;

  /** Reads the package list again (the server keeps the graph it loaded last). */
  async refresh(): Promise<void> {
    clearTimeout(this.retry);
    this.retry = undefined;
    this.files.clear();
    const answer = await this.request([]);
    if (answer === undefined) {
      this.packages = [];
    } else {
      const list = parseDependencyList(answer);
      this.packages = [...list.packages];
      this.retries = list.loaded ? 0 : this.retries + 1;
      if (!list.loaded && this.retries <= DependencyTreeProvider.RETRIES) {
        this.retry = setTimeout(() => { void this.refresh(); }, DependencyTreeProvider.RETRY_MS);
      }
      this.setMessage(!list.loaded ? 'Reading the crate graph…'
        : this.packages.length === 0 ? 'The workspace has no dependencies.'
          : `${this.packages.length} package${this.packages.length === 1 ? '' : 's'}: open one to list its unsafe code.`);
    }
    this.changed.fire(undefined);
  }

  /**
   * Opens a dependency's file at a site, read-only for this session. The editor takes the keyboard
   * only once it is read-only: a key typed in between would otherwise edit the dependency.
   */
  static async openSite(uri: string, range: vscode.Range): Promise<void> {
    await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection: range, preview: true, preserveFocus: true });
    await vscode.commands.executeCommand('workbench.action.files.setActiveEditorReadonlyInSession');
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  }

  private async request(args: unknown[]): Promise<unknown> {
    const client = await this.server.readyClient();
    if (client === undefined) {
      this.setMessage('The Unsafe Hints language server is not running. See "Unsafe Hints: Show Output".');
      return undefined;
    }
    try {
      return await client.sendRequest(ExecuteCommandRequest.type, { command: SERVER_DEPENDENCIES_COMMAND, arguments: args });
    } catch (error) {
      this.log.error(`Dependency request failed: ${String(error)}`);
      this.setMessage('The language server could not list the dependencies. See "Unsafe Hints: Show Output".');
      return undefined;
    }
  }

  private setMessage(message: string): void {
    if (this.view !== undefined) {
      this.view.message = message;
    }
  }

  private async filesOf(pkg: DependencyPackage): Promise<FileGroup[] | string> {
    const known = this.files.get(pkg.root);
    if (known !== undefined) {
      return known;
    }
    const answer = await this.request([pkg.root]);
    if (answer === undefined) {
      return 'Could not list this package\'s unsafe code (see "Unsafe Hints: Show Output").';
    }
    const files = groupInventory(parseDependencySites(answer), this.server.siteRules).flatMap((crate) => crate.files);
    this.files.set(pkg.root, files);
    return files;
  }

  async getChildren(node?: DependencyNode): Promise<DependencyNode[]> {
    if (node === undefined) {
      return this.packages.map((pkg) => ({ kind: 'package', pkg }));
    }
    switch (node.kind) {
      case 'package': {
        const files = await this.filesOf(node.pkg);
        if (typeof files === 'string') {
          return [{ kind: 'message', text: files }];
        }
        return files.length === 0 ? [{ kind: 'message', text: 'No unsafe code.' }]
          : files.map((group) => ({ kind: 'file', group }));
      }
      case 'file':
        return node.group.kinds.map((group) => ({ kind: 'kind', group }));
      case 'kind':
        return node.group.sites.map((site) => ({ kind: 'site', site }));
      default:
        return [];
    }
  }

  getTreeItem(node: DependencyNode): vscode.TreeItem {
    const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    switch (node.kind) {
      case 'package': {
        const item = new vscode.TreeItem(node.pkg.name, collapsed);
        item.description = packageDescription(node.pkg);
        item.tooltip = node.pkg.root;
        item.iconPath = new vscode.ThemeIcon('package');
        item.contextValue = 'dependency';
        return item;
      }
      case 'message':
        return new vscode.TreeItem(node.text);
      case 'file':
        return fileItem(node.group, collapsed);
      case 'kind':
        return kindItem(node.group, collapsed);
      case 'site':
        return siteItem(node.site, {
          command: Commands.openDependencySite,
          title: 'Go to unsafe site (read-only)',
          arguments: [node.site.uri, siteRange(node.site)],
        });
    }
  }

  dispose(): void {
    clearTimeout(this.retry);
    this.changed.dispose();
  }
}
