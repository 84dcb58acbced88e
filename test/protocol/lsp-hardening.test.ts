/** The bundled server against clients that send what it does not expect: early requests, foreign URIs, broken frames. */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LspClient, uri } from '../support/lspClient';

const SEED = path.resolve(__dirname, '../../examples/seed');

function copySeed(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'sbm-lsp-hard-'));
  cpSync(SEED, root, { recursive: true });
  return root;
}

describe('language server: hardening', function () {
  this.timeout(60_000);

  it('waitForIndex sent right after initialized waits for the first index, even while the server awaits the settings', async () => {
    const root = copySeed();
    const c = new LspClient();
    // answer the configuration request late: the server is still awaiting its settings when waitForIndex arrives
    c.conn.onRequest('workspace/configuration', async (p: { items: unknown[] }) => {
      await new Promise((r) => setTimeout(r, 400));
      return p.items.map(() => null);
    });
    try {
      await c.conn.sendRequest('initialize', { processId: process.pid, rootUri: uri(root), workspaceFolders: [{ uri: uri(root), name: 'seed' }], capabilities: { workspace: { configuration: true } } });
      await c.conn.sendNotification('initialized', {});
      const r = (await c.conn.sendRequest('supabaseMigrations/waitForIndex', {})) as { folders: number };
      assert.equal(r.folders, 1);
      const g = (await c.conn.sendRequest('supabaseMigrations/dependencyGraph', {})) as { folders: { nodes: unknown[] }[]; indexing: boolean };
      assert.deepEqual([g.indexing, g.folders.length, g.folders[0].nodes.length], [false, 1, 5]);
    } finally {
      await c.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('URIs that are not local files are answered quietly (no stack trace in the log)', async () => {
    const root = copySeed();
    const c = new LspClient();
    try {
      await c.initialize(root);
      const foreign = ['untitled:Untitled-1', 'file://otherhost/share/supabase/migrations/20260101000000_x.sql', 'vscode-vfs://github/a/b/x.sql', 'git:/x.sql?%7B%7D', 'file:///%E0%A4%A'];
      for (const u of foreign) {
        await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'sql', version: 1, text: 'select * from public.nothing_here;' } });
        await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: u, version: 2 }, contentChanges: [{ text: 'create table t (id int);' }] });
        const pos = { line: 0, character: 15 };
        assert.equal(await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: u }, position: pos }), null, u);
        assert.equal(await c.conn.sendRequest('textDocument/definition', { textDocument: { uri: u }, position: pos }), null, u);
        assert.deepEqual(await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: u }, range: { start: pos, end: pos }, context: { diagnostics: [] } }), [], u);
        await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: u } });
        await c.conn.sendRequest('supabaseMigrations/suggestedRename', { uri: u });
        await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: u, type: 2 }] });
        await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: u } });
      }
      await c.conn.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: 'file://otherhost/x', name: 'x' }], removed: [] } });
      // still answers about the real files afterwards
      const g = (await c.conn.sendRequest('supabaseMigrations/dependencyGraph', {})) as { folders: { nodes: unknown[] }[] };
      assert.equal(g.folders[0].nodes.length, 5);
      assert.deepEqual(c.logs.filter((l) => /\n\s+at |TypeError|ERR_INVALID/.test(l)), []);
      assert.equal(c.stderr.match(/\n\s+at /), null, c.stderr);
    } finally {
      await c.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a frame with a wrong or unreadable Content-Length costs that frame, not the session', async () => {
    const root = copySeed();
    const c = new LspClient();
    try {
      await c.initialize(root);
      const bad = [
        'Content-Length: 10\r\n\r\n{"jsonrpc":"2.0","id":990,"method":"x"}', // too short: the rest looks like a header
        'Content-Length: abc\r\n\r\n{}', // not a number
        'Content-Length: 99999\r\n\r\n{"jsonrpc":"2.0","id":991,"method":"x"}', // too long: runs into the next frame
        'Content-Type: x\r\n\r\n{}', // no length at all
        '\u0000\u0001 junk without any header',
      ];
      for (const b of bad) {
        c.proc.stdin!.write(b);
        const answer = await Promise.race([c.conn.sendRequest('supabaseMigrations/waitForIndex', {}), new Promise((r) => setTimeout(() => r('no answer'), 5000))]);
        assert.deepEqual(answer, { folders: 1 }, JSON.stringify(b));
      }
      const g = (await c.conn.sendRequest('supabaseMigrations/dependencyGraph', {})) as { folders: { nodes: unknown[] }[] };
      assert.equal(g.folders[0].nodes.length, 5);
    } finally {
      await c.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('exits when stdin closes (the guard in front of the reader passes the end on)', async () => {
    const c = new LspClient();
    await c.conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
    const exited = new Promise<number | null>((r) => c.proc.once('exit', (code) => r(code)));
    c.proc.stdin!.end();
    const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('still running'), 5000))]);
    assert.equal(code, 1, 'exit code 1 without a shutdown request, like the library does');
    c.conn.dispose();
  });

  it('rename fixes computed from one state never choose one version, and "re-stamp all" renames them together', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'sbm-lsp-restamp-'));
    const mig = path.join(root, 'supabase', 'migrations');
    mkdirSync(mig, { recursive: true });
    const files = {
      '20240101000000_first_view.sql': 'create view public.first_view as select id from public.target;\n',
      '20240101000001_second_view.sql': 'create view public.second_view as select id from public.target;\n',
      '20240102000000_target.sql': 'create table public.target (id bigint primary key);\n',
    };
    for (const [n, t] of Object.entries(files)) writeFileSync(path.join(mig, n), t);
    const c = new LspClient();
    try {
      await c.initialize(root);
      const uriOf = (n: string) => uri(path.join(mig, n));
      type Action = { title: string; edit?: { documentChanges?: { kind?: string; oldUri?: string; newUri?: string }[] } };
      const actionsAt = async (n: string) => {
        await c.waitFor(() => c.codes(uriOf(n)).includes('forward-reference'), n);
        const d = c.diagnostics.get(uriOf(n))!.find((x) => x.code === 'forward-reference')!;
        return (await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: uriOf(n) }, range: d.range, context: { diagnostics: [d] } })) as Action[];
      };
      // both asked for before either is applied
      const first = await actionsAt('20240101000000_first_view.sql');
      const second = await actionsAt('20240101000001_second_view.sql');
      const target = (a: Action[]) => a.find((x) => x.title.startsWith('Rename to'))!.edit!.documentChanges![0].newUri!;
      assert.equal(path.basename(new URL(target(first)).pathname), '20240102000001_first_view.sql');
      assert.equal(path.basename(new URL(target(second)).pathname), '20240102000002_second_view.sql');
      const all = first.find((x) => x.title.startsWith('Re-stamp all'))!;
      assert.equal(all.title, 'Re-stamp all 2 migrations that run before what they use');
      assert.deepEqual(second.find((x) => x.title.startsWith('Re-stamp all'))!.edit, all.edit);
      const renames = all.edit!.documentChanges!;
      assert.deepEqual(renames.map((r) => [r.kind, path.basename(new URL(r.oldUri!).pathname), path.basename(new URL(r.newUri!).pathname)]), [
        ['rename', '20240101000000_first_view.sql', '20240102000001_first_view.sql'],
        ['rename', '20240101000001_second_view.sql', '20240102000002_second_view.sql'],
      ]);
      // applied as an editor would: every rename on disk, then the file events
      for (const r of renames) renameSync(new URL(r.oldUri!).pathname, new URL(r.newUri!).pathname);
      await c.conn.sendNotification('workspace/didRenameFiles', { files: renames.map((r) => ({ oldUri: r.oldUri, newUri: r.newUri })) });
      const after = ['20240102000000_target.sql', '20240102000001_first_view.sql', '20240102000002_second_view.sql'];
      await c.waitFor(() => after.every((n) => c.diagnostics.has(uriOf(n)) && c.codes(uriOf(n)).length === 0), 'a clean folder after re-stamping');
    } finally {
      await c.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
