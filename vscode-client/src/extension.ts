/**
 * Unsafe Hints for VS Code: starts the Java language server for Rust files and adds the unsafe
 * inventory view, the HTML report, a status bar summary and the commands around them.
 */
import * as vscode from 'vscode';
import { CLIENT_NAME, CONFIG_SECTION, Commands, DEPENDENCIES_VIEW_ID, INVENTORY_VIEW_ID, SHOW_OPERATIONS_COMMAND } from './constants';
import { parseOperationsArgs } from './lens/operationsArgs';
import { DependencyTreeProvider } from './inventory/dependencyTree';
import { InventoryTreeProvider } from './inventory/inventoryTree';
import { OPEN_LOCATION_COMMAND } from './report/reportHtml';
import { ReportPanel } from './report/reportPanel';
import { approveSite } from './review/approveSite';
import { reviewChanges } from './review/reviewChanges';
import { ReviewPanel } from './review/reviewPanel';
import { ServerController } from './server/serverController';
import { UnsafeStatusBar } from './status/statusBar';

let controller: ServerController | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  const server = new ServerController(context, log);
  controller = server;
  const inventory = new InventoryTreeProvider(server, log);
  const view = vscode.window.createTreeView(INVENTORY_VIEW_ID, { treeDataProvider: inventory, showCollapseAll: true });
  inventory.attach(view);
  const dependencies = new DependencyTreeProvider(server, log);
  const dependencyView = vscode.window.createTreeView(DEPENDENCIES_VIEW_ID, { treeDataProvider: dependencies, showCollapseAll: true });
  dependencies.attach(dependencyView);
  const report = new ReportPanel(server, log);
  const statusBar = new UnsafeStatusBar(() => server.runningClient !== undefined, () => server.siteRules);
  const reviews = new ReviewPanel(server, log);

  context.subscriptions.push(
    server,
    inventory,
    view,
    report,
    reviews,
    statusBar,
    vscode.commands.registerCommand(Commands.showInventory, async () => {
      await vscode.commands.executeCommand(`${INVENTORY_VIEW_ID}.focus`);
      await inventory.refresh();
    }),
    vscode.commands.registerCommand(Commands.refreshInventory, () => inventory.refresh()),
    dependencies,
    dependencyView,
    vscode.commands.registerCommand(Commands.refreshDependencies, () => dependencies.refresh()),
    vscode.commands.registerCommand(Commands.openDependencySite, async (uri: unknown, range: unknown) => {
      if (typeof uri === 'string' && range instanceof vscode.Range) {
        await DependencyTreeProvider.openSite(uri, range);
      }
    }),
    // The view is collapsed at first: the package list is read when it is shown.
    dependencyView.onDidChangeVisibility((event) => {
      if (event.visible) {
        void dependencies.refresh();
      }
    }),
    vscode.commands.registerCommand(Commands.openReport, () => report.open()),
    vscode.commands.registerCommand(Commands.restartServer, async () => {
      log.info('Restarting the language server on request.');
      await server.restart();
      await inventory.refresh();
      if (dependencyView.visible) {
        await dependencies.refresh();
      }
    }),
    vscode.commands.registerCommand(Commands.showOutput, () => { log.show(true); }),
    vscode.commands.registerCommand(Commands.reviewChanges, () => reviewChanges(server, log, reviews)),
    // "Approve Unsafe Site" in the editor: the innermost unsafe site at the cursor.
    vscode.commands.registerCommand(Commands.approveSite, async () => {
      const editor = vscode.window.activeTextEditor;
      if (editor?.document.languageId !== 'rust' || editor.document.uri.scheme !== 'file') {
        void vscode.window.showInformationMessage('Unsafe Hints: put the cursor in an unsafe block, fn or impl of a Rust file to approve it.');
        return;
      }
      const at = editor.selection.active;
      const done = await approveSite(server, log, editor.document.uri, { position: { line: at.line, character: at.character } },
        `the unsafe site at line ${at.line + 1}`);
      if (done !== undefined) {
        reviews.markApproved(done.site, done.by, done.date);
      }
    }),
    // A location in the report: open the file at that line and column (1-based, as the report prints them).
    vscode.commands.registerCommand(OPEN_LOCATION_COMMAND, async (uri: unknown, line: unknown, column: unknown) => {
      if (typeof uri !== 'string' || typeof line !== 'number' || typeof column !== 'number') {
        return;
      }
      const at = new vscode.Position(Math.max(0, line - 1), Math.max(0, column - 1));
      await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection: new vscode.Range(at, at), viewColumn: vscode.ViewColumn.One });
    }),
    // The code lens "3 unsafe operations · …": peek the operations of the block or fn.
    vscode.commands.registerCommand(SHOW_OPERATIONS_COMMAND, async (...args: unknown[]) => {
      const parsed = parseOperationsArgs(args);
      if (parsed === undefined) {
        log.warn(`${SHOW_OPERATIONS_COMMAND}: unexpected arguments ${JSON.stringify(args).slice(0, 200)}`);
        return;
      }
      const toRange = (r: { start: { line: number; character: number }; end: { line: number; character: number } }): vscode.Range =>
        new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
      await vscode.commands.executeCommand(
        'editor.action.showReferences',
        vscode.Uri.parse(parsed.uri),
        new vscode.Position(parsed.position.line, parsed.position.character),
        parsed.locations.map((l) => new vscode.Location(vscode.Uri.parse(l.uri), toRange(l.range))),
      );
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      // Rule severities and thresholds reach the running server through didChangeConfiguration;
      // Java and JVM options only apply to a new process.
      if (event.affectsConfiguration(`${CONFIG_SECTION}.java`)) {
        log.info('Java settings changed: restarting the language server.');
        await server.restart();
        await inventory.refresh();
      }
    }),
    server.onDidChangeClient(() => { statusBar.update(); }),
    refreshInventoryOnDiagnostics(inventory, view),
    // Last: the server's last lines (and the client's stderr reader) may still write to the channel.
    log,
  );

  await server.start();
  if (view.visible) {
    await inventory.refresh();
  }
  if (dependencyView.visible) {
    await dependencies.refresh();
  }
}

/** Keeps a visible inventory current as files are analysed, at most twice a second. */
function refreshInventoryOnDiagnostics(
  inventory: InventoryTreeProvider,
  view: vscode.TreeView<unknown>,
): vscode.Disposable {
  let timer: NodeJS.Timeout | undefined;
  const schedule = (): void => {
    if (!view.visible || timer !== undefined) {
      return;
    }
    timer = setTimeout(() => {
      timer = undefined;
      void inventory.refresh();
    }, 500);
  };
  const subscriptions = [
    vscode.languages.onDidChangeDiagnostics(schedule),
    view.onDidChangeVisibility((event) => {
      if (event.visible) {
        schedule();
      }
    }),
  ];
  return new vscode.Disposable(() => {
    clearTimeout(timer);
    for (const s of subscriptions) {
      s.dispose();
    }
  });
}

export async function deactivate(): Promise<void> {
  await controller?.stop();
  controller = undefined;
}
