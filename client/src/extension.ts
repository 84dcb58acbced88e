/**
 * VS Code client: starts the language server (IPC), and renders what it sends — status bar, dependency
 * tree, graph picture, commands. No SQL knowledge here.
 */
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { GraphChangedNotification, WaitForIndexRequest } from '../../server/src/protocol';
import { registerCommands } from './commands';
import { DependencyTreeProvider } from './dependencyTree';
import { StatusBar } from './statusBar';
import { VerifyRunner } from './verify';

/** Quiet time after the last change before the dependency tree asks for the graph again. */
const TREE_REFRESH_DELAY_MS = 300;

export interface ExtensionApi {
  client: LanguageClient;
  tree: DependencyTreeProvider;
  verify: VerifyRunner;
  /** Resolves when the server has indexed every migrations folder. */
  ready: Promise<void>;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  const output = vscode.window.createOutputChannel('Supabase Migrations', { log: true });
  context.subscriptions.push(output);
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const watchers = [
    vscode.workspace.createFileSystemWatcher('**/*.sql'),
    vscode.workspace.createFileSystemWatcher('**/supabase/migrations'),
    vscode.workspace.createFileSystemWatcher('**/{.supabase-migrations.json,supabase-migrations.json}'),
    // supabase/config.toml: its [db] major_version is the PostgreSQL version the folder beside it is parsed for
    vscode.workspace.createFileSystemWatcher('**/config.toml'),
  ];
  context.subscriptions.push(...watchers);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', pattern: '**/*.sql' }, { scheme: 'file', language: 'sql' }],
    synchronize: { fileEvents: watchers, configurationSection: 'supabaseMigrations' },
    outputChannel: output,
    traceOutputChannel: output,
    initializationOptions: vscode.workspace.getConfiguration('supabaseMigrations'),
  };
  client = new LanguageClient('supabaseMigrations', 'Supabase Migrations', serverOptions, clientOptions);

  const tree = new DependencyTreeProvider(client);
  const view = vscode.window.createTreeView('supabaseMigrations.dependencies', { treeDataProvider: tree, showCollapseAll: true });
  tree.attach(view);
  const status = new StatusBar();
  context.subscriptions.push(view, status, tree);
  const verify = new VerifyRunner(context, client, output);
  context.subscriptions.push(verify);
  registerCommands(context, client, tree, output, verify);

  await client.start();
  context.subscriptions.push({ dispose: () => void client?.stop() });
  // The tree asks for the whole graph when refreshed: on a large folder that is a big request, so while
  // someone types it is refreshed once they pause, not on every keystroke.
  let treeTimer: NodeJS.Timeout | undefined;
  context.subscriptions.push({ dispose: () => clearTimeout(treeTimer) });
  client.onNotification(GraphChangedNotification, (p) => {
    status.update(p.problems, p.indexing, p.postgres ?? [], p.bases ?? []);
    clearTimeout(treeTimer);
    treeTimer = setTimeout(() => tree.refresh(), TREE_REFRESH_DELAY_MS);
  });
  const ready = client.sendRequest(WaitForIndexRequest, {}).then(() => {
    tree.refresh();
  });
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor((e) => {
      if (e && vscode.workspace.getConfiguration('supabaseMigrations').get('tree.revealActiveFile', true)) void tree.reveal(e.document.uri);
    }),
  );
  return { client, tree, verify, ready };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
