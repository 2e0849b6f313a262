/**
 * "Unsafe Hints: Review Changes": asks the language server which unsafe sites the working tree adds
 * or changes (review mode, see docs/review.md in the repository) and shows the reviewer checklists
 * as a Markdown preview beside the editor.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest } from 'vscode-languageclient/node';
import { SERVER_REVIEW_COMMAND } from '../constants';
import type { ServerController } from '../server/serverController';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { reviewMarkdown, reviewRoot } from './reviewResult';

/** Read-only documents that show a review (no unsaved "Untitled" buffer is left behind). */
export const REVIEW_SCHEME = 'unsafe-review';

export class ReviewDocuments implements vscode.TextDocumentContentProvider {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  /** Stores the Markdown under a URI named after the folder and returns that URI. */
  put(name: string, markdown: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: REVIEW_SCHEME, path: `/Unsafe review of ${name}.md` });
    this.contents.set(uri.toString(), markdown);
    this.changed.fire(uri);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '# Unsafe review\n\nThis review is no longer available: run *Review Changes* again.\n';
  }
}

export async function reviewChanges(server: ServerController, log: vscode.LogOutputChannel, documents: ReviewDocuments): Promise<void> {
  const client = await server.readyClient();
  if (client === undefined) {
    void vscode.window.showErrorMessage('The Unsafe Hints language server is not running. See "Unsafe Hints: Show Output".');
    return;
  }
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active === undefined ? undefined : vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  if (folder === undefined) {
    void vscode.window.showInformationMessage('Open a folder in a git repository to review its changes.');
    return;
  }
  // The repository of the active file when the open folder holds it one level down, as Source Control does.
  const root = folder.uri.scheme === 'file'
    ? vscode.Uri.file(reviewRoot(active?.scheme === 'file' ? active.fsPath.split(path.sep).join('/') : undefined,
      folder.uri.fsPath.split(path.sep).join('/'), (dir) => fs.existsSync(path.join(dir, '.git'))))
    : folder.uri;
  const since = await vscode.window.showInputBox({
    title: 'Review unsafe changes since…',
    prompt: 'A git revision; leave empty for the merge base with the default branch',
    placeHolder: 'main',
  });
  if (since === undefined) {
    return;
  }
  try {
    const answer: unknown = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Unsafe Hints: reviewing changes…' },
      () => client.sendRequest(ExecuteCommandRequest.type, {
        command: SERVER_REVIEW_COMMAND,
        arguments: since.trim() === '' ? [root.toString()] : [root.toString(), since.trim()],
      }),
    );
    const uri = documents.put(path.basename(root.fsPath) || folder.name, reviewMarkdown(answer));
    await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
  } catch (error) {
    log.error(`Review request failed: ${String(error)}`);
    void vscode.window.showErrorMessage(`Unsafe Hints could not review the changes: ${String(error)}`);
  }
}
