/** A JSON-RPC client for the real bundled server over stdio: what any LSP editor sees. */
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  Diagnostic,
  ProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

export const SERVER = path.resolve(__dirname, '../../dist/server.js');

export function uri(p: string): string {
  return pathToFileURL(p).toString();
}

export class LspClient {
  readonly conn: ProtocolConnection;
  readonly proc: ChildProcess;
  /** Latest diagnostics per URI, and every publication in order. */
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly publications: { uri: string; diagnostics: Diagnostic[] }[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  readonly logs: string[] = [];
  private waiters: (() => void)[] = [];
  stderr = '';

  /** `SBM_SERVER_NODE_ARGS="--cpu-prof …"` passes node flags to the server (profiling the benchmark). */
  constructor(args: string[] = ['--stdio']) {
    this.proc = spawn(process.execPath, [...(process.env.SBM_SERVER_NODE_ARGS ? process.env.SBM_SERVER_NODE_ARGS.split(' ') : []), SERVER, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d) => (this.stderr += String(d)));
    this.conn = createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diagnostic[] }) => {
      this.diagnostics.set(p.uri, p.diagnostics);
      this.publications.push(p);
      this.wake();
    });
    this.conn.onNotification('window/logMessage', (p: { message: string }) => this.logs.push(p.message));
    this.conn.onNotification('supabaseMigrations/graphChanged', (params: unknown) => {
      this.notifications.push({ method: 'supabaseMigrations/graphChanged', params });
      this.wake();
    });
    this.conn.onNotification('$/progress', (params: unknown) => this.notifications.push({ method: '$/progress', params }));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    this.conn.listen();
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  async initialize(root: string, capabilities: Record<string, unknown> = {}): Promise<unknown> {
    const result = await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uri(root),
      workspaceFolders: [{ uri: uri(root), name: path.basename(root) }],
      capabilities: { window: { workDoneProgress: true }, workspace: { workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } }, ...capabilities },
    });
    await this.conn.sendNotification('initialized', {});
    await this.conn.sendRequest('supabaseMigrations/waitForIndex', {});
    return result;
  }

  /** Wait until `pred` holds (checked after every notification), or fail after `ms`. */
  async waitFor(pred: () => boolean, what: string, ms = 15_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!pred()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}\n${this.stderr}\n${this.logs.join('\n')}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  codes(u: string): string[] {
    return (this.diagnostics.get(u) ?? []).map((d) => String(d.code)).sort();
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.conn.sendNotification('exit');
      // let it exit by itself (a profiled server writes its profile on exit)
      if (this.proc.exitCode === null) await Promise.race([new Promise((r) => this.proc.once('exit', r)), new Promise((r) => setTimeout(r, 5000))]);
    } catch {
      // already gone
    }
    this.conn.dispose();
    if (this.proc.exitCode === null) this.proc.kill();
  }
}
