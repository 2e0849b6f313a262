/**
 * The rows the inventory and the dependency view share: a file, a kind of site and one site. Each
 * view chooses how its rows start (open or folded) and what a click on a site does.
 */
import * as vscode from 'vscode';
import { countsLabel, siteLabel } from './inventoryModel';
import type { FileGroup, InventorySite, KindGroup } from './inventoryModel';

export function fileItem(group: FileGroup, state: vscode.TreeItemCollapsibleState): vscode.TreeItem {
  const item = new vscode.TreeItem(vscode.Uri.parse(group.uri), state);
  item.label = group.file;
  item.description = countsLabel(group.counts);
  item.iconPath = vscode.ThemeIcon.File;
  item.contextValue = 'file';
  return item;
}

export function kindItem(group: KindGroup, state: vscode.TreeItemCollapsibleState): vscode.TreeItem {
  const item = new vscode.TreeItem(group.label, state);
  item.description = String(group.sites.length);
  item.iconPath = new vscode.ThemeIcon('shield');
  item.tooltip = group.ruleId;
  item.contextValue = 'kind';
  return item;
}

/** A site: its position first (what stays readable in a narrow side bar), the message after. */
export function siteItem(site: InventorySite, command: vscode.Command): vscode.TreeItem {
  const item = new vscode.TreeItem(`Ln ${site.range.start.line + 1}, Col ${site.range.start.character + 1}`);
  item.description = siteLabel(site.message);
  item.tooltip = new vscode.MarkdownString().appendText(`${site.message}\n\n${site.ruleId}`);
  item.iconPath = new vscode.ThemeIcon('debug-breakpoint-unsupported');
  item.contextValue = 'site';
  item.command = command;
  return item;
}

/** The site's range as VS Code's. */
export function siteRange(site: InventorySite): vscode.Range {
  const { start, end } = site.range;
  return new vscode.Range(start.line, start.character, end.line, end.character);
}
