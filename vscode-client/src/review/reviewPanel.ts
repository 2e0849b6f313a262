/**
 * The webview panel that shows a review: locations open the file there, checklist items are
 * checkboxes, and "Approve this site" records the approval in the ledger through the server.
 * One panel, reused by each Review Changes run.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { ServerController } from '../server/serverController';
import { approveSite } from './approveSite';
import { reviewPage } from './reviewHtml';
import { fileUnderRoot, type ReviewView, type SiteView } from './reviewModel';

export class ReviewPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private view: ReviewView | undefined;
  private root: vscode.Uri | undefined;
  private title = '';
  /** An approval changed the view while the page showed it: render it afresh once it is hidden. */
  private stale = false;

  constructor(
    private readonly server: ServerController,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  show(view: ReviewView, title: string): void {
    this.view = view;
    this.root = vscode.Uri.file(view.root);
    this.title = title;
    if (this.panel === undefined) {
      this.panel = vscode.window.createWebviewPanel('unsafeHints.review', title, vscode.ViewColumn.Beside, {
        enableScripts: true,
        enableCommandUris: false,
        localResourceRoots: [],
        enableFindWidget: true,
      });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
      });
      this.panel.webview.onDidReceiveMessage((message: unknown) => this.onMessage(message));
      this.panel.onDidChangeViewState((event) => {
        // a hidden webview is loaded again from its HTML when shown: give it the approvals made since
        if (!event.webviewPanel.visible && this.stale) this.render();
      });
    }
    this.panel.title = title;
    this.render();
    this.panel.reveal(undefined, false);
  }

  /** An approval made anywhere (this panel or the editor command): mark its card. */
  markApproved(siteId: string, by: string, date: string): void {
    const site = this.view?.sites.find((s) => s.id === siteId);
    if (this.view === undefined || site === undefined || this.panel === undefined) return;
    const updated: SiteView = { ...site, status: 'reviewed', approval: { by, date, note: '' } };
    this.view = { ...this.view, sites: this.view.sites.map((s) => (s === site ? updated : s)) };
    if (this.panel.visible) {
      this.stale = true;
      void this.panel.webview.postMessage({ type: 'approved', hash: site.hash, by, date });
    } else {
      this.render();
    }
  }

  private render(): void {
    if (this.panel === undefined || this.view === undefined) return;
    this.stale = false;
    this.panel.webview.html = reviewPage(this.view, {
      nonce: randomBytes(18).toString('base64'),
      title: this.title,
    });
  }

  private fileUri(file: unknown): vscode.Uri | undefined {
    if (this.root === undefined) return undefined;
    const path = fileUnderRoot(this.root.path, file);
    return path === undefined ? undefined : this.root.with({ path });
  }

  private async onMessage(message: unknown): Promise<void> {
    if (typeof message !== 'object' || message === null) return;
    const m = message as Record<string, unknown>;
    const uri = this.fileUri(m.file);
    if (uri === undefined) {
      this.log.warn(`Review panel: ignored a message for ${JSON.stringify(m.file)}`);
      return;
    }
    if (m.type === 'open' && typeof m.line === 'number' && typeof m.column === 'number') {
      const at = new vscode.Position(Math.max(0, m.line - 1), Math.max(0, m.column - 1));
      // beside the panel, not in its place
      const column = this.panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
      await vscode.window.showTextDocument(uri, { selection: new vscode.Range(at, at), viewColumn: column });
    } else if (m.type === 'approve' && typeof m.hash === 'string') {
      const hash = m.hash;
      const site = this.view?.sites.find((s) => s.hash === hash);
      const done = site === undefined ? undefined
        : await approveSite(this.server, this.log, uri, { site: hash }, `${site.kind} in ${site.item}`);
      if (done === undefined) {
        void this.panel?.webview.postMessage({ type: 'notApproved', hash });
      } else {
        this.markApproved(done.site, done.by, done.date);
      }
    }
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
