/**
 * "Verify Migrations (embedded Postgres)": runs `supabase-migrations verify` in a child process (never in
 * the language server: the embedded Postgres needs ~500 MB and loads only when used), with progress and
 * cancel; failures become diagnostics with source `postgres`. Only in trusted workspaces: verify executes
 * the migrations' SQL (inside the embedded Postgres only).
 *
 * Runs go to the warm verify service (`dist/cli.js verify --serve`, server/src/cli/serve.ts), forked on the
 * first verify and kept for `supabaseMigrations.verifyKeepWarmMinutes` without a request: it keeps the
 * embedded Postgres and the state before the last migration in memory, so a re-verify after editing the
 * last migration applies only that file. 0 minutes: a cold `verify --format json` process per run.
 */
import { ChildProcess, fork } from 'node:child_process';
import type { ServiceMessage, ServiceRequest } from '../../server/src/verify/serviceProtocol';
import path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DependencyGraphRequest } from '../../server/src/protocol';

interface VerifyJson {
  timings?: {
    startMs: number;
    applyMs: number;
    totalMs: number;
    restoredFrom?: string;
    filesApplied?: number;
    serviceRequest?: number;
    checkpoint?: { restoredAfter: string | null; restoreMs: number; written: number; writeMs: number };
  };
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

/**
 * Verify's limits as set in VS Code (supabaseMigrations.verifyStatementTimeout / verifyMemoryLimit); a limit
 * not set there is left to the project's config file, else verify's default.
 */
function limitArgs(): { statementTimeoutS?: number; memoryLimitMb?: number } {
  const cfg = vscode.workspace.getConfiguration('supabaseMigrations');
  const set = (key: string) => {
    const i = cfg.inspect<number>(key);
    const v = i?.workspaceFolderValue ?? i?.workspaceValue ?? i?.globalValue;
    return typeof v === 'number' && v >= 0 ? v : undefined;
  };
  return { statementTimeoutS: set('verifyStatementTimeout'), memoryLimitMb: set('verifyMemoryLimit') };
}

const SEVERITY: Record<string, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/**
 * The warm verify service: one `dist/cli.js verify --serve` process, forked lazily, restarted after it exits
 * (idle timeout, crash). Requests are queued by the service; a cancel stops or drops one.
 */
class VerifyService {
  private child: ChildProcess | undefined;
  private nextId = 1;
  /** Requests waiting for an answer, with the service process they were sent to. */
  private readonly pending = new Map<number, { child: ChildProcess; resolve: (m: ServiceMessage | undefined) => void; onProgress?: (done: number, total: number) => void }>();

  constructor(
    private readonly cli: string,
    private readonly output: vscode.OutputChannel,
  ) {}

  /** The service's process id (tests), when it is up. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  private start(idleMinutes: number): ChildProcess {
    // whole seconds, at least one (0 would mean "never end")
    const idleSeconds = Math.max(1, Math.ceil(idleMinutes * 60));
    const child = fork(this.cli, ['verify', '--serve', '--idle-timeout', String(idleSeconds)], {
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'json',
    });
    this.child = child;
    this.output.appendLine(`verify service: started (pid ${child.pid}; ends after ${idleMinutes} min without a request)`);
    child.stderr!.on('data', (d) => this.output.appendLine(String(d).trimEnd()));
    child.on('message', (m: ServiceMessage) => {
      if (m.type === 'ready') return;
      const p = this.pending.get(m.id);
      if (!p) return;
      if (m.type === 'progress') return p.onProgress?.(m.done, m.total);
      this.pending.delete(m.id);
      p.resolve(m);
    });
    // Only this process's requests end with it: a newer service may already be answering others.
    const gone = () => {
      if (this.child === child) this.child = undefined;
      this.settle(child, 'gone');
    };
    child.on('exit', (code, signal) => {
      this.output.appendLine(`verify service: ended (${signal ?? `exit ${code}`})`);
      gone();
    });
    child.on('error', (e) => {
      this.output.appendLine(`verify service: ${e.message}`);
      gone();
    });
    return child;
  }

  /** One folder; undefined when the service went away without an answer. */
  verify(cwd: string, dir: string, idleMinutes: number, token: vscode.CancellationToken, onProgress?: (done: number, total: number) => void): Promise<ServiceMessage | undefined> {
    const child = this.child?.connected ? this.child : this.start(idleMinutes);
    const id = this.nextId++;
    return new Promise((resolve) => {
      const cancel = token.onCancellationRequested(() => {
        this.send(child, { type: 'cancel', id });
        this.pending.delete(id);
        resolve({ type: 'cancelled', id });
      });
      this.pending.set(id, {
        child,
        resolve: (m) => {
          cancel.dispose();
          resolve(m);
        },
        onProgress,
      });
      this.send(child, { type: 'verify', id, cwd, args: { dir, ...limitArgs() } });
    });
  }

  private send(child: ChildProcess, msg: ServiceRequest): void {
    if (!child.connected) return;
    try {
      child.send(msg, (e) => e && this.output.appendLine(`verify service: ${e.message}`));
    } catch (e) {
      this.output.appendLine(`verify service: ${(e as Error).message}`);
    }
  }

  /** End the requests sent to `child`: without an answer, or as cancelled. */
  private settle(child: ChildProcess, how: 'gone' | 'cancelled'): void {
    for (const [id, p] of [...this.pending]) {
      if (p.child !== child) continue;
      this.pending.delete(id);
      p.resolve(how === 'cancelled' ? { type: 'cancelled', id } : undefined);
    }
  }

  /** Stop the service (a new keep-warm time, or the extension ends): its requests end as cancelled. */
  dispose(): void {
    const child = this.child;
    this.child = undefined;
    if (!child) return;
    this.settle(child, 'cancelled');
    this.send(child, { type: 'exit' });
    // (the service kills its worker when it ends, even on a signal)
    child.kill();
  }
}

export class VerifyRunner implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection('postgres');
  private running: ChildProcess | undefined;
  private saveTimer: NodeJS.Timeout | undefined;
  private readonly service: VerifyService;
  /** Cancels the run in progress when a newer one starts. */
  private current: vscode.CancellationTokenSource | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
    private readonly output: vscode.OutputChannel,
  ) {
    this.service = new VerifyService(context.asAbsolutePath('dist/cli.js'), output);
    context.subscriptions.push(
      // a new keep-warm time applies to the next service (0: none)
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('supabaseMigrations.verifyKeepWarmMinutes')) this.service.dispose();
      }),
    );
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
    this.current?.cancel();
    const mine = new vscode.CancellationTokenSource();
    this.current = mine;
    try {
      let graph;
      try {
        graph = await this.client.sendRequest(DependencyGraphRequest, {});
      } catch (e) {
        // the language server is not running (or restarting): nothing to verify against
        this.output.appendLine(`verify: the language server did not answer (${(e as Error)?.message ?? e})`);
        if (interactive) void vscode.window.showErrorMessage('Verify needs the Supabase Migrations language server, which is not running (see Output: Supabase Migrations).');
        return undefined;
      }
      const folders = graph.folders.map((f) => vscode.Uri.parse(f.folderUri).fsPath);
      if (!folders.length) {
        if (interactive) void vscode.window.showInformationMessage('No supabase/migrations folder to verify.');
        return undefined;
      }
      return await vscode.window.withProgress(
        { location: interactive ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window, title: 'Verifying migrations in an embedded Postgres', cancellable: true },
        async (progress, uiToken) => {
          const sub = uiToken.onCancellationRequested(() => mine.cancel());
          try {
            return await this.runFolders(folders, interactive, progress, mine.token);
          } finally {
            sub.dispose();
          }
        },
      );
    } finally {
      if (this.current === mine) this.current = undefined;
      mine.dispose();
    }
  }

  private async runFolders(folders: string[], interactive: boolean, progress: vscode.Progress<{ message?: string }>, token: vscode.CancellationToken): Promise<VerifyJson[] | undefined> {
    const results: VerifyJson[] = [];
    this.diagnostics.clear();
    for (const folder of folders) {
      if (token.isCancellationRequested) return undefined;
      progress.report({ message: vscode.workspace.asRelativePath(folder) });
      const r = await this.verifyFolder(folder, token, progress);
      if (!r) return undefined;
      results.push(r);
      this.publish(r, folder);
    }
    const failed = results.reduce((n, r) => n + r.migrations.filter((m) => m.status !== 'ok').length, 0);
    const total = results.reduce((n, r) => n + r.migrations.length, 0);
    const msg = failed ? `Verify: ${failed} of ${total} migrations fail in Postgres (see Problems).` : `Verify: all ${total} migrations apply in Postgres.`;
    if (interactive) void (failed ? vscode.window.showWarningMessage(msg) : vscode.window.showInformationMessage(msg));
    return results;
  }

  /** The service's process id while it is up (tests). */
  get servicePid(): number | undefined {
    return this.service.pid;
  }

  private async verifyFolder(folder: string, token: vscode.CancellationToken, progress?: vscode.Progress<{ message?: string }>): Promise<VerifyJson | undefined> {
    const cwd = path.dirname(path.dirname(folder));
    const keepWarm = vscode.workspace.getConfiguration('supabaseMigrations').get<number>('verifyKeepWarmMinutes', 3);
    if (!(keepWarm > 0)) return this.verifyFolderCold(folder, cwd, token);
    const t0 = Date.now();
    const rel = vscode.workspace.asRelativePath(folder);
    const m = await this.service.verify(cwd, folder, keepWarm, token, (done, total) => progress?.report({ message: `${rel}: ${done + 1}/${total}` }));
    if (!m || m.type === 'cancelled') {
      if (!m && !token.isCancellationRequested) {
        this.output.appendLine('verify service ended without a result');
        void vscode.window.showErrorMessage('Verify failed to run (see Output: Supabase Migrations).');
      }
      return undefined;
    }
    if (m.type === 'error') {
      this.output.appendLine(`verify ${rel}: ${m.message}`);
      void vscode.window.showErrorMessage(`Verify failed to run: ${m.message}`);
      return undefined;
    }
    if (m.type !== 'result') return undefined;
    const json = this.parse(m.output, cwd);
    if (json) this.logTimings(rel, json, Date.now() - t0);
    return json;
  }

  private parse(out: string, cwd: string): VerifyJson | undefined {
    try {
      const json = JSON.parse(out) as VerifyJson;
      for (const d of json.diagnostics) {
        d.file = path.resolve(cwd, d.file);
        for (const r of d.related) r.file = path.resolve(cwd, r.file);
      }
      return json;
    } catch {
      return undefined;
    }
  }

  /** One line per folder: where the cluster came from, what was applied, how long it took. */
  private logTimings(rel: string, json: VerifyJson, ms: number): void {
    const t = json.timings;
    if (!t) return;
    const FROM: Record<string, string> = {
      'ready-checkpoint': 'checkpoint already restored in memory',
      'memory-checkpoint': 'checkpoint in memory',
      'disk-checkpoint': 'checkpoint on disk',
      'memory-snapshot': 'empty-cluster snapshot in memory',
      'disk-snapshot': 'empty-cluster snapshot on disk',
      'new-cluster': 'new cluster (initdb + shim)',
    };
    const from = `${FROM[t.restoredFrom ?? ''] ?? t.restoredFrom ?? '?'}${t.checkpoint?.restoredAfter ? ` after ${t.checkpoint.restoredAfter}` : ''}`;
    const sec = (x: number) => `${(x / 1000).toFixed(2)} s`;
    this.output.appendLine(
      `verify ${rel}: ${sec(ms)} — start ${sec(t.startMs)} from ${from}, ${t.filesApplied ?? '?'} of ${json.migrations.length} files applied + advisors ${sec(t.applyMs)}${t.checkpoint?.written ? `, ${t.checkpoint.written} checkpoint(s) written` : ''} (service request ${t.serviceRequest ?? '?'})`,
    );
  }

  private verifyFolderCold(folder: string, cwd: string, token: vscode.CancellationToken): Promise<VerifyJson | undefined> {
    return new Promise((resolve) => {
      const { statementTimeoutS, memoryLimitMb } = limitArgs();
      const limits = [...(statementTimeoutS !== undefined ? ['--statement-timeout', String(statementTimeoutS)] : []), ...(memoryLimitMb !== undefined ? ['--memory-limit', String(memoryLimitMb)] : [])];
      const child = fork(this.context.asAbsolutePath('dist/cli.js'), ['verify', folder, '--format', 'json', ...limits], {
        cwd,
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', NO_COLOR: '1' },
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      });
      this.running = child;
      let out = '';
      child.stdout!.on('data', (d) => (out += String(d)));
      child.stderr!.on('data', (d) => this.output.appendLine(String(d).trimEnd()));
      const cancel = token.onCancellationRequested(() => child.kill());
      const finish = (json: VerifyJson | undefined) => {
        cancel.dispose();
        if (this.running === child) this.running = undefined;
        resolve(json);
      };
      child.on('error', (e) => {
        // could not start (no exit event follows)
        this.output.appendLine(`verify: ${e.message}`);
        finish(undefined);
      });
      child.on('exit', (code) => {
        if (token.isCancellationRequested) return finish(undefined);
        const json = this.parse(out, cwd);
        if (!json) {
          this.output.appendLine(`verify exited with ${code} and no JSON result`);
          void vscode.window.showErrorMessage('Verify failed to run (see Output: Supabase Migrations).');
        }
        finish(json);
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
    this.current?.cancel();
    this.service.dispose();
    clearTimeout(this.saveTimer);
    this.diagnostics.dispose();
  }
}
