/**
 * Approving an unsafe site from VS Code: asks why the site is sound, and the language server writes
 * the review ledger as `unsafe-hints review --approve` does (`unsafe-hints.approveSite`). Used by the
 * review panel's "Approve this site" and by the command "Unsafe Hints: Approve Unsafe Site" at the
 * cursor, so a VS Code user needs no terminal.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest } from 'vscode-languageclient/node';
import { SERVER_APPROVE_COMMAND } from '../constants';
import type { ServerController } from '../server/serverController';

/** Which site: the id or hash the review listed, or a position inside it (0-based). */
export type SiteRef = { readonly site: string } | { readonly position: { readonly line: number; readonly character: number } };

export interface Approved {
  readonly site: string;
  readonly by: string;
  readonly date: string;
  readonly ledger: string;
}

function approved(answer: unknown): Approved | undefined {
  if (typeof answer !== 'object' || answer === null) return undefined;
  const a = answer as Record<string, unknown>;
  const text = (k: string): string => (typeof a[k] === 'string' ? a[k] : '');
  return text('site') === '' ? undefined : { site: text('site'), by: text('by'), date: text('date'), ledger: text('ledger') };
}

/**
 * Asks for the note (and, when git's user.name is not set, a name), saves the file if it has unsaved
 * changes (the server reads it from disk: an approval is of the code as it will be committed), and
 * records the approval. Undefined when the user cancelled or the server refused (it says why).
 */
export async function approveSite(server: ServerController, log: vscode.LogOutputChannel, file: vscode.Uri, ref: SiteRef, label: string): Promise<Approved | undefined> {
  const client = await server.readyClient();
  if (client === undefined) {
    void vscode.window.showErrorMessage('The Unsafe Hints language server is not running. See "Unsafe Hints: Show Output".');
    return undefined;
  }
  const note = await vscode.window.showInputBox({
    title: `Approve ${label}`,
    prompt: 'Why is this site sound? (recorded in the review ledger, unsafe-review.toml)',
    placeHolder: 'e.g. the pointer comes from a live Vec and the index is checked above',
    ignoreFocusOut: true,
  });
  if (note === undefined) return undefined;
  if (note.trim() === '') {
    void vscode.window.showWarningMessage('Unsafe Hints: an approval needs a note saying why the site is sound; nothing was recorded.');
    return undefined;
  }
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file.toString());
  if (open?.isDirty === true && !(await open.save())) {
    void vscode.window.showErrorMessage(`Unsafe Hints: save ${vscode.workspace.asRelativePath(file)} before approving its sites.`);
    return undefined;
  }
  let by: string | undefined;
  for (;;) {
    try {
      const answer: unknown = await client.sendRequest(ExecuteCommandRequest.type, {
        command: SERVER_APPROVE_COMMAND,
        arguments: [{ uri: file.toString(), ...ref, note, ...(by === undefined ? {} : { by }) }],
      });
      const result = approved(answer);
      if (result !== undefined) {
        log.info(`Approved ${result.site} by ${result.by} in ${result.ledger}`);
        void vscode.window.showInformationMessage(`Approved ${result.site} by ${result.by}. Commit ${vscode.workspace.asRelativePath(vscode.Uri.parse(result.ledger))} with the code.`);
      }
      return result;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // git knows no name for the reviewer: ask once, as `review --approve --by NAME` would need it
      if (by === undefined && message.includes('user.name')) {
        by = await vscode.window.showInputBox({ title: 'Reviewer', prompt: "Your name for the review ledger (git's user.name is not set)", ignoreFocusOut: true });
        if (by !== undefined && by.trim() !== '') continue;
        return undefined;
      }
      log.error(`Approve failed: ${message}`);
      void vscode.window.showErrorMessage(`Unsafe Hints could not approve the site: ${message}`);
      return undefined;
    }
  }
}
