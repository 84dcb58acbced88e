/** Commands: a table of small factories, each usable only while the server runs. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { NewMigrationRequest, ReindexRequest, SuggestedRenameRequest } from '../../server/src/protocol';
import type { DependencyTreeProvider } from './dependencyTree';
import { showGraph } from './graphView';
import type { VerifyRunner } from './verify';

export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient, tree: DependencyTreeProvider, output: vscode.OutputChannel, verify: VerifyRunner): void {
  const running = (fn: (...args: unknown[]) => Promise<unknown>) => async (...args: unknown[]) => {
    if (!client.isRunning()) {
      void vscode.window.showWarningMessage('Supabase Migrations: the language server is not running (see the output channel).');
      return undefined;
    }
    return fn(...args);
  };
  const table: Record<string, (...args: unknown[]) => Promise<unknown>> = {
    'supabaseMigrations.reindex': running(async () => {
      const r = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Re-indexing migrations' }, () => client.sendRequest(ReindexRequest, {}));
      tree.refresh();
      void vscode.window.setStatusBarMessage(`Supabase Migrations: ${r.migrations} migrations in ${r.folders} folder(s)`, 4000);
      return r;
    }),
    'supabaseMigrations.showDependencyGraph': running(async () => showGraph(context, client)),
    'supabaseMigrations.newMigration': running(async (nameArg?: unknown) => {
      const name = typeof nameArg === 'string' ? nameArg : await vscode.window.showInputBox({ prompt: 'Name of the new migration', placeHolder: 'add_tenants', validateInput: (v) => (v.trim() ? undefined : 'Give the migration a name') });
      if (!name) return undefined;
      const near = vscode.window.activeTextEditor?.document.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
      const r = await client.sendRequest(NewMigrationRequest, { name, nearUri: near?.toString() });
      if (!r.uri) {
        void vscode.window.showErrorMessage(`New Migration: ${r.error}`);
        return undefined;
      }
      const uri = vscode.Uri.parse(r.uri);
      // never overwrite: the server picked a free version, and we check again right before writing
      const exists = await vscode.workspace.fs.stat(uri).then(() => true, () => false);
      if (exists) {
        void vscode.window.showErrorMessage(`New Migration: ${uri.fsPath} already exists`);
        return undefined;
      }
      await vscode.workspace.fs.writeFile(uri, Buffer.from(`-- ${name}\n\n`, 'utf8'));
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc, { selection: new vscode.Range(2, 0, 2, 0) });
      return uri;
    }),
    'supabaseMigrations.applySuggestedRename': running(async (uriArg?: unknown) => {
      const uri = uriArg instanceof vscode.Uri ? uriArg : vscode.window.activeTextEditor?.document.uri;
      if (!uri) return undefined;
      const r = await client.sendRequest(SuggestedRenameRequest, { uri: uri.toString() });
      if (!r.newUri) {
        void vscode.window.showInformationMessage(`Supabase Migrations: ${r.reason}`);
        return undefined;
      }
      const target = vscode.Uri.parse(r.newUri);
      const edit = new vscode.WorkspaceEdit();
      edit.renameFile(uri, target, { overwrite: false, ignoreIfExists: false });
      const ok = await vscode.workspace.applyEdit(edit);
      if (!ok) {
        void vscode.window.showErrorMessage(`Supabase Migrations: could not rename to ${target.fsPath}`);
        return undefined;
      }
      await vscode.window.showTextDocument(target);
      return target;
    }),
    'supabaseMigrations.verify': running(async () => verify.run(true)),
    'supabaseMigrations.showOnlyProblems': async () => tree.setOnlyProblems(true),
    'supabaseMigrations.showAllMigrations': async () => tree.setOnlyProblems(false),
    'supabaseMigrations.refreshTree': async () => tree.refresh(),
    'supabaseMigrations.showOutput': async () => output.show(),
  };
  for (const [id, fn] of Object.entries(table)) context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  void vscode.commands.executeCommand('setContext', 'supabaseMigrations.onlyProblems', false);
}
