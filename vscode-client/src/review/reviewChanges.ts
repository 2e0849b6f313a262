/**
 * "Unsafe Hints: Review Changes": asks the language server which unsafe sites the working tree adds
 * or changes (review mode, see docs/review.md in the repository) and shows them with their reviewer
 * checklists in the review panel beside the editor.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest } from 'vscode-languageclient/node';
import { SERVER_REVIEW_COMMAND } from '../constants';
import type { ServerController } from '../server/serverController';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ReviewPanel } from './reviewPanel';
import { reviewView } from './reviewModel';
import { reviewRoot } from './reviewResult';

export async function reviewChanges(server: ServerController, log: vscode.LogOutputChannel, panel: ReviewPanel): Promise<void> {
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
    const view = reviewView(answer);
    if (view === undefined) {
      void vscode.window.showErrorMessage('Unsafe Hints: the language server returned no review for this folder.');
      return;
    }
    panel.show(view, `Unsafe review of ${path.basename(root.fsPath) || folder.name}`);
  } catch (error) {
    log.error(`Review request failed: ${String(error)}`);
    void vscode.window.showErrorMessage(`Unsafe Hints could not review the changes: ${String(error)}`);
  }
}
