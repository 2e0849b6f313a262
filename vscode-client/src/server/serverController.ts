/**
 * Owns the language client: starts the server jar with a suitable Java, restarts it on request
 * or when the Java settings change, and reports start failures as one readable message.
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { BUNDLED_RUNTIME_RELATIVE_PATH, CLIENT_ID, CLIENT_NAME, CONFIG_SECTION, Commands, SERVER_JAR_RELATIVE_PATH, SHOW_OPERATIONS_COMMAND } from '../constants';
import { locateJava } from './javaRuntime';
import { jvmOptions, serverCommand } from './serverLaunch';
import type { JavaFound } from '../java/javaDiscovery';
import { siteRulesOf } from '../status/siteRules';
import type { SiteRules } from '../status/siteRules';

export class ServerController implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<void> | undefined;
  private readonly changeListeners = new vscode.EventEmitter<LanguageClient | undefined>();
  /** Listeners tied to the current client, dropped with it. */
  private clientSubscriptions: { dispose(): unknown }[] = [];
  /** Tells the server about Rust files, manifests and config files changed outside the editor. */
  private readonly watcher = vscode.workspace.createFileSystemWatcher('**/{*.rs,Cargo.toml,Cargo.lock,unsafe-hints.toml}');
  /** Fires with the running client after every (re)start, and with undefined after a stop. */
  readonly onDidChangeClient = this.changeListeners.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
  ) {
    context.subscriptions.push(
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        if (this.client !== undefined) {
          this.log.info('The workspace is now trusted: restarting the language server so that it may run cargo.');
          void this.restart();
        }
      }),
    );
  }

  get jarPath(): string {
    return this.context.asAbsolutePath(SERVER_JAR_RELATIVE_PATH);
  }

  get runningClient(): LanguageClient | undefined {
    return this.client?.state === State.Running ? this.client : undefined;
  }

  /** What the running server counts as unsafe sites (see `siteRules.ts`); nothing while none runs. */
  get siteRules(): SiteRules {
    return siteRulesOf(this.runningClient?.initializeResult?.capabilities.experimental);
  }

  /** The running client, waiting for a start in progress. */
  async readyClient(): Promise<LanguageClient | undefined> {
    await this.starting;
    return this.runningClient;
  }

  /** Java and JVM options for running the jar, or undefined (after telling the user why). */
  async javaForJar(): Promise<{ java: JavaFound; options: string[] } | undefined> {
    if (!fs.existsSync(this.jarPath)) {
      const message = `Unsafe Hints: the language server is missing from the extension (${this.jarPath}). Reinstall the extension; when building it yourself, run "mvn package" before "npm run package".`;
      this.log.error(message);
      void vscode.window.showErrorMessage(message);
      return undefined;
    }
    const java = await locateJava(this.log, this.context.asAbsolutePath(BUNDLED_RUNTIME_RELATIVE_PATH));
    if (java === undefined) {
      return undefined;
    }
    return { java, options: jvmOptions(vscode.workspace.getConfiguration(CONFIG_SECTION).get('java.options')) };
  }

  start(): Promise<void> {
    this.starting ??= this.doStart().finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  async restart(): Promise<void> {
    await this.starting;
    await this.stop();
    await this.start();
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    for (const subscription of this.clientSubscriptions) {
      subscription.dispose();
    }
    this.clientSubscriptions = [];
    if (client !== undefined) {
      this.changeListeners.fire(undefined);
      try {
        await client.stop(5_000);
      } catch (error) {
        this.log.warn(`Stopping the language server: ${String(error)}`);
      }
      await client.dispose(1_000).catch(() => undefined);
    }
  }

  dispose(): void {
    void this.stop();
    this.watcher.dispose();
    this.changeListeners.dispose();
  }

  private async doStart(): Promise<void> {
    const launch = await this.javaForJar();
    if (launch === undefined) {
      return;
    }
    const { command, args } = serverCommand(launch.java.javaPath, this.jarPath, launch.options);
    this.log.info(`Starting the language server: ${command} ${args.join(' ')}`);
    const serverOptions: ServerOptions = { command, args: [...args], transport: TransportKind.stdio };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ scheme: 'file', language: 'rust' }],
      // The server pulls the `unsafeHints` section with workspace/configuration; this makes the client
      // also push didChangeConfiguration for it, which servers that do not register for it dynamically need.
      // eslint-disable-next-line @typescript-eslint/no-deprecated
      synchronize: { configurationSection: CONFIG_SECTION, fileEvents: this.watcher },
      // clientCommands: commands this extension runs itself, so the server may put them on code
      // lenses. workspaceTrusted: the server runs `cargo metadata` (which runs what the project's
      // .cargo/config.toml names) only in a trusted workspace; a grant of trust restarts the server.
      initializationOptions: { clientCommands: [SHOW_OPERATIONS_COMMAND], workspaceTrusted: vscode.workspace.isTrusted },
      outputChannel: this.log,
      initializationFailedHandler: (error) => {
        this.log.error(`The language server failed to initialize: ${String(error)}`);
        return false;
      },
    };
    const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
    try {
      await client.start();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const message = `Unsafe Hints: the language server did not start (${reason}). The output has the details.`;
      this.log.error(message);
      void vscode.window.showErrorMessage(message, 'Show Output').then((choice) => {
        if (choice === 'Show Output') {
          void vscode.commands.executeCommand(Commands.showOutput);
        }
      });
      await client.dispose(1_000).catch(() => undefined);
      return;
    }
    this.client = client;
    // A server that dies later (and is not restarted by the client) must not leave stale state behind.
    this.clientSubscriptions.push(
      client.onDidChangeState(() => {
        if (this.client === client) {
          this.changeListeners.fire(this.runningClient);
        }
      }),
    );
    this.changeListeners.fire(client);
  }
}
