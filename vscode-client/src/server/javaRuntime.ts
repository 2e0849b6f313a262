/** Finds Java for the extension from the user's settings and tells the user, once, when none fits. */
import * as vscode from 'vscode';
import { CONFIG_SECTION, Commands } from '../constants';
import { describeRejections, findJava, missingJavaMessage, settingIgnoredMessage } from '../java/javaDiscovery';
import type { JavaFound } from '../java/javaDiscovery';

/** Messages already shown in this window: starting the server and writing a report both look for Java. */
const shown = new Set<string>();

function offerSettings(message: string, show: typeof vscode.window.showErrorMessage): void {
  if (shown.has(message)) {
    return;
  }
  shown.add(message);
  void show(message, 'Open Settings', 'Show Output').then((choice) => {
    if (choice === 'Open Settings') {
      void vscode.commands.executeCommand('workbench.action.openSettings', `${CONFIG_SECTION}.java`);
    } else if (choice === 'Show Output') {
      void vscode.commands.executeCommand(Commands.showOutput);
    }
  });
}

/** `bundledHome`: where a platform-specific extension keeps its runtime (absent in the universal one). */
export async function locateJava(log: vscode.LogOutputChannel, bundledHome: string): Promise<JavaFound | undefined> {
  const settingHome = vscode.workspace.getConfiguration(CONFIG_SECTION).get<string>('java.home');
  const result = await findJava({ settingHome, env: process.env, platform: process.platform, arch: process.arch, bundledHome });
  for (const line of describeRejections(result.rejected)) {
    log.warn(`Java not used: ${line}`);
  }
  if (result.kind === 'found') {
    log.info(`Using Java ${result.version} from ${result.source}: ${result.javaPath}`);
    const ignored = settingIgnoredMessage(result);
    if (ignored !== undefined) {
      log.warn(ignored);
      offerSettings(ignored, vscode.window.showWarningMessage);
    }
    return result;
  }
  const message = missingJavaMessage(result.rejected);
  log.error(message);
  offerSettings(message, vscode.window.showErrorMessage);
  return undefined;
}
