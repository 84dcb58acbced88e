/**
 * "Verify Migrations (embedded Postgres)": runs `supabase-migrations verify` in a child process (never in
 * the language server: the embedded Postgres needs ~500 MB and loads only when used), with progress and
 * cancel; failures become diagnostics with source `postgres`. Only in trusted workspaces: verify executes
 * the migrations' SQL (inside the embedded Postgres only).
 */
import { ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DependencyGraphRequest } from '../../server/src/protocol';

interface VerifyJson {
  migrations: { file: string; status: string; sqlstate?: string }[];
  diagnostics: {
    file: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    severity: string;
    code: string;
    message: string;
    sqlstate?: string;
    related: { file: string; range: VerifyJson['diagnostics'][number]['range']; message: string }[];
  }[];
}

const SEVERITY: Record<string, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export class VerifyRunner implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection('postgres');
  private running: ChildProcess | undefined;
  private saveTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
    private readonly output: vscode.OutputChannel,
  ) {
    context.subscriptions.push(
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (!vscode.workspace.getConfiguration('supabaseMigrations').get<boolean>('verifyOnSave', false)) return;
        if (!/[\\/]migrations[\\/][^\\/]+\.sql$/.test(doc.uri.fsPath) || !vscode.workspace.isTrusted) return;
        clearTimeout(this.saveTimer);
        this.saveTimer = setTimeout(() => void this.run(false), 500);
      }),
    );
  }

  /** Verify every migrations folder; resolves with the parsed results (for tests), undefined when cancelled. */
  async run(interactive = true): Promise<VerifyJson[] | undefined> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('Verify runs the migrations\u2019 SQL in an embedded Postgres. Trust this workspace first (Manage Workspace Trust).');
      return undefined;
    }
    this.running?.kill();
    const graph = await this.client.sendRequest(DependencyGraphRequest, {});
    const folders = graph.folders.map((f) => vscode.Uri.parse(f.folderUri).fsPath);
    if (!folders.length) {
      if (interactive) void vscode.window.showInformationMessage('No supabase/migrations folder to verify.');
      return undefined;
    }
    return vscode.window.withProgress(
      { location: interactive ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window, title: 'Verifying migrations in an embedded Postgres', cancellable: true },
      async (progress, token) => {
        const results: VerifyJson[] = [];
        this.diagnostics.clear();
        for (const folder of folders) {
          if (token.isCancellationRequested) return undefined;
          progress.report({ message: vscode.workspace.asRelativePath(folder) });
          const r = await this.verifyFolder(folder, token);
          if (!r) return undefined;
          results.push(r);
          this.publish(r, folder);
        }
        const failed = results.reduce((n, r) => n + r.migrations.filter((m) => m.status !== 'ok').length, 0);
        const total = results.reduce((n, r) => n + r.migrations.length, 0);
        const msg = failed ? `Verify: ${failed} of ${total} migrations fail in Postgres (see Problems).` : `Verify: all ${total} migrations apply in Postgres.`;
        if (interactive) void (failed ? vscode.window.showWarningMessage(msg) : vscode.window.showInformationMessage(msg));
        return results;
      },
    );
  }

  private verifyFolder(folder: string, token: vscode.CancellationToken): Promise<VerifyJson | undefined> {
    const cwd = path.dirname(path.dirname(folder));
    return new Promise((resolve) => {
      const child = fork(this.context.asAbsolutePath('dist/cli.js'), ['verify', folder, '--format', 'json'], {
        cwd,
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', NO_COLOR: '1' },
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      });
      this.running = child;
      let out = '';
      child.stdout!.on('data', (d) => (out += String(d)));
      child.stderr!.on('data', (d) => this.output.appendLine(String(d).trimEnd()));
      const cancel = token.onCancellationRequested(() => child.kill());
      child.on('exit', (code) => {
        cancel.dispose();
        if (this.running === child) this.running = undefined;
        if (token.isCancellationRequested) return resolve(undefined);
        try {
          const json = JSON.parse(out) as VerifyJson;
          for (const d of json.diagnostics) {
            d.file = path.resolve(cwd, d.file);
            for (const r of d.related) r.file = path.resolve(cwd, r.file);
          }
          resolve(json);
        } catch {
          this.output.appendLine(`verify exited with ${code} and no JSON result`);
          void vscode.window.showErrorMessage('Verify failed to run (see Output: Supabase Migrations).');
          resolve(undefined);
        }
      });
    });
  }

  private publish(r: VerifyJson, _folder: string): void {
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const d of r.diagnostics) {
      const range = new vscode.Range(d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character);
      const diag = new vscode.Diagnostic(range, d.sqlstate ? `${d.message} [SQLSTATE ${d.sqlstate}]` : d.message, SEVERITY[d.severity] ?? vscode.DiagnosticSeverity.Error);
      diag.source = 'postgres';
      diag.code = d.code;
      diag.relatedInformation = d.related.map((x) => new vscode.DiagnosticRelatedInformation(new vscode.Location(vscode.Uri.file(x.file), new vscode.Range(x.range.start.line, x.range.start.character, x.range.end.line, x.range.end.character)), x.message));
      const list = byFile.get(d.file) ?? [];
      list.push(diag);
      byFile.set(d.file, list);
    }
    for (const [file, list] of byFile) this.diagnostics.set(vscode.Uri.file(file), list);
  }

  dispose(): void {
    this.running?.kill();
    clearTimeout(this.saveTimer);
    this.diagnostics.dispose();
  }
}
