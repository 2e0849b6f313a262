/** Status bar item for the active Rust file: how much unsafe code it has and how much is unexplained. */
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { SiteRules } from './siteRules';
import { SERVER_STOPPED_TEXT, SERVER_STOPPED_TOOLTIP, statusText, statusTooltip, summarize } from './unsafeSummary';

export class UnsafeStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('unsafeHints.status', vscode.StatusBarAlignment.Left, 10);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly serverRunning: () => boolean,
    private readonly siteRules: () => SiteRules,
  ) {
    this.item.name = 'Unsafe Hints';
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => { this.update(); }),
      vscode.languages.onDidChangeDiagnostics((event) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active !== undefined && event.uris.some((uri) => uri.toString() === active)) {
          this.update();
        }
      }),
    );
    this.update();
  }

  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (document?.languageId !== 'rust') {
      this.item.hide();
      return;
    }
    if (!this.serverRunning()) {
      this.item.text = SERVER_STOPPED_TEXT;
      this.item.tooltip = SERVER_STOPPED_TOOLTIP;
      this.item.command = Commands.showOutput;
    } else {
      const summary = summarize(vscode.languages.getDiagnostics(document.uri), this.siteRules());
      this.item.text = statusText(summary);
      this.item.tooltip = statusTooltip(summary);
      this.item.command = Commands.showInventory;
    }
    this.item.show();
  }

  dispose(): void {
    for (const s of this.subscriptions) {
      s.dispose();
    }
    this.item.dispose();
  }
}
