/**
 * "Unsafe Hints: Review Changes": asks the language server which unsafe sites the working tree adds
 * or changes (review mode, see docs/review.md in the repository) and shows the reviewer checklists
 * as a Markdown preview beside the editor.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest } from 'vscode-languageclient/node';
import { SERVER_REVIEW_COMMAND } from '../constants';
import type { ServerController } from '../server/serverController';
import { reviewMarkdown } from './reviewResult';

export async function reviewChanges(server: ServerController, log: vscode.LogOutputChannel): Promise<void> {
  const client = await server.readyClient();
  if (client === undefined) {
    void vscode.window.showErrorMessage('The Unsafe Hints language server is not running. See "Unsafe Hints: Show Output".');
    return;
  }
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder === undefined) {
    void vscode.window.showInformationMessage('Open a folder in a git repository to review its changes.');
    return;
  }
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
        arguments: since.trim() === '' ? [folder.uri.toString()] : [folder.uri.toString(), since.trim()],
      }),
    );
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: reviewMarkdown(answer) });
    await vscode.commands.executeCommand('markdown.showPreviewToSide', document.uri);
  } catch (error) {
    log.error(`Review request failed: ${String(error)}`);
    void vscode.window.showErrorMessage(`Unsafe Hints could not review the changes: ${String(error)}`);
  }
}
