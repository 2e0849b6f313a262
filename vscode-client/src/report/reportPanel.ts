/** "Unsafe Hints: Open Report": runs the scanner's HTML report on a workspace folder and shows it. */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { reportCommand } from '../server/serverLaunch';
import { OPEN_LOCATION_COMMAND, forEditor, reportErrorPage, withContentSecurityPolicy } from './reportHtml';
import type { ServerController } from '../server/serverController';

interface ProcessOutcome {
  readonly exitCode: number | null;
  readonly stderr: string;
}

function run(command: string, args: readonly string[], token: vscode.CancellationToken): Promise<ProcessOutcome> {
  return new Promise((resolve) => {
    const child = execFile(command, [...args], { maxBuffer: 16 * 1024 * 1024, windowsHide: true }, (error, _stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      resolve({ exitCode: code, stderr: error !== null && stderr === '' ? error.message : stderr });
    });
    token.onCancellationRequested(() => child.kill());
  });
}

async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) {
    return folders[0];
  }
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Folder to write the unsafe report for' });
}

export class ReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;

  constructor(
    private readonly server: ServerController,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async open(): Promise<void> {
    const folder = await pickFolder();
    if (folder === undefined) {
      void vscode.window.showInformationMessage('Unsafe Hints: open a folder with a Rust crate to write a report for it.');
      return;
    }
    if (folder.uri.scheme !== 'file') {
      void vscode.window.showErrorMessage(`Unsafe Hints: reports need a folder on disk; ${folder.uri.toString()} is not one.`);
      return;
    }
    const launch = await this.server.javaForJar();
    if (launch === undefined) {
      return;
    }
    const html = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Unsafe Hints: scanning ${folder.name}…`, cancellable: true },
      (_progress, token) => this.render(folder, launch.java.javaPath, launch.options, token),
    );
    this.show(folder, html);
  }

  private async render(
    folder: vscode.WorkspaceFolder,
    javaPath: string,
    options: readonly string[],
    token: vscode.CancellationToken,
  ): Promise<string> {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'unsafe-hints-report-'));
    const outputFile = path.join(dir, 'report.html');
    try {
      const { command, args } = reportCommand(javaPath, this.server.jarPath, options, folder.uri.fsPath, outputFile);
      this.log.info(`Writing the report: ${command} ${args.join(' ')}`);
      const outcome = await run(command, args, token);
      const html = await fs.readFile(outputFile, 'utf8').catch(() => undefined);
      if (html === undefined) {
        const detail = `The scanner exited with code ${String(outcome.exitCode)} and wrote no report.\n\n${outcome.stderr.trim()}`;
        this.log.error(detail);
        return reportErrorPage('The unsafe report could not be written', detail);
      }
      // The scanner's exit code says whether findings reached a severity threshold; a written report is a success.
      return withContentSecurityPolicy(forEditor(html, folder.uri.toString()));
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }

  private show(folder: vscode.WorkspaceFolder, html: string): void {
    const title = `Unsafe Report: ${folder.name}`;
    if (this.panel === undefined) {
      this.panel = vscode.window.createWebviewPanel('unsafeHints.report', title, vscode.ViewColumn.Active, {
        enableScripts: false,
        // only the command that opens a report location in the editor
        enableCommandUris: [OPEN_LOCATION_COMMAND],
        localResourceRoots: [],
        enableFindWidget: true,
      });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
      });
    }
    this.panel.title = title;
    this.panel.webview.html = html;
    this.panel.reveal();
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
