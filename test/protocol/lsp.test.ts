/** The bundled server over stdio, driven by a JSON-RPC client, on fixture workspaces. */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CodeAction, Hover, Location, LocationLink, DocumentSymbol, SymbolInformation } from 'vscode-languageserver-protocol';
import { execFileSync, spawn } from 'node:child_process';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { LspClient, uri } from '../support/lspClient';

const SEED = path.resolve(__dirname, '../../examples/seed');
const POLICIES = '20251229000000_tenant_llm_policies.sql';
const TENANTS = '20260105000000_multi_tenant_user_model.sql';
const VIEW = '20260105000002_tenant_overview_view.sql';

function copySeed(): { root: string; mig: string; file: (n: string) => string } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'sbm-lsp-'));
  cpSync(SEED, root, { recursive: true });
  const mig = path.join(root, 'supabase', 'migrations');
  return { root, mig, file: (n) => path.join(mig, n) };
}

function posOf(text: string, needle: string, occurrence = 1): { line: number; character: number } {
  let idx = -1;
  for (let i = 0; i < occurrence; i++) idx = text.indexOf(needle, idx + 1);
  if (idx < 0) throw new Error(`${needle} not found`);
  const before = text.slice(0, idx);
  return { line: before.split('\n').length - 1, character: idx - before.lastIndexOf('\n') - 1 };
}

describe('language server over stdio', function () {
  this.timeout(60_000);
  let ws: ReturnType<typeof copySeed>;
  let c: LspClient;

  beforeEach(async () => {
    ws = copySeed();
    c = new LspClient();
    await c.initialize(ws.root);
  });
  afterEach(async () => {
    await c.stop();
    rmSync(ws.root, { recursive: true, force: true });
  });

  it('publishes every rule for the whole folder on start, with codes, links and related information', async () => {
    const p = uri(ws.file(POLICIES));
    await c.waitFor(() => c.codes(p).length === 2, 'policies diagnostics');
    assert.deepEqual(c.codes(p), ['forward-reference', 'missing-foreign-key']);
    const fwd = c.diagnostics.get(p)!.find((d) => d.code === 'forward-reference')!;
    assert.deepEqual(fwd.range, { start: { line: 16, character: 23 }, end: { line: 16, character: 47 } });
    assert.equal(fwd.severity, 1);
    assert.equal(fwd.codeDescription?.href, 'https://github.com/supabase-migrations/supabase-migrations/blob/main/docs/rules/forward-reference.md');
    assert.equal(fwd.relatedInformation?.[0].location.uri, uri(ws.file(TENANTS)));
    assert.deepEqual(c.codes(uri(ws.file(VIEW))), ['unknown-reference']);
    assert.deepEqual(c.codes(uri(ws.file(TENANTS))), []);
    assert.ok(c.diagnostics.has(uri(ws.file(TENANTS))), 'clean files get an empty list');
    assert.ok(c.notifications.some((n) => n.method === 'supabaseMigrations/graphChanged'));
  });

  it('definition, references and hover across migrations', async () => {
    const text = readFileSync(ws.file(POLICIES), 'utf8');
    const at = posOf(text, 'copilot_internal.tenants', 2);
    const defs = (await c.conn.sendRequest('textDocument/definition', { textDocument: { uri: uri(ws.file(POLICIES)) }, position: { line: at.line, character: at.character + 20 } })) as LocationLink[];
    assert.equal(defs.length, 1);
    assert.equal(defs[0].targetUri, uri(ws.file(TENANTS)));
    assert.deepEqual(defs[0].targetSelectionRange, { start: { line: 1, character: 13 }, end: { line: 1, character: 37 } });
    assert.deepEqual(defs[0].originSelectionRange, { start: at, end: { line: at.line, character: at.character + 24 } });

    // from a REFERENCES clause in the creating file itself, and from ALTER TABLE
    const tText = readFileSync(ws.file(TENANTS), 'utf8');
    const alterAt = posOf(tText, 'alter table copilot_internal.tenants');
    const defs2 = (await c.conn.sendRequest('textDocument/definition', { textDocument: { uri: uri(ws.file(TENANTS)) }, position: { line: alterAt.line, character: alterAt.character + 15 } })) as LocationLink[];
    assert.equal(defs2[0].targetSelectionRange.start.line, 1);

    const refs = (await c.conn.sendRequest('textDocument/references', { textDocument: { uri: uri(ws.file(POLICIES)) }, position: at, context: { includeDeclaration: true } })) as Location[];
    const files = [...new Set(refs.map((r) => path.basename(new URL(r.uri).pathname)))].sort();
    assert.deepEqual(files, [POLICIES, TENANTS, '20260105000001_tenant_member_policies.sql'].sort());

    const hover = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: uri(ws.file(POLICIES)) }, position: at })) as Hover;
    const md = (hover.contents as { value: string }).value;
    assert.match(md, /\*\*table\*\* `copilot_internal\.tenants`/);
    assert.match(md, /Created in \[20260105000000_multi_tenant_user_model\.sql\]/);
    assert.match(md, /Not created yet at this point/);
    assert.match(md, /\| \*\*id\*\* 🔑 \| `uuid` \| not null \|/);
    assert.match(md, /\| owner_id \| `uuid` \| not null \| auth\.users\(id\) \|/);

    // hover on a platform table
    const authAt = posOf(readFileSync(ws.file('20251201000000_initial_schema.sql'), 'utf8'), 'auth.users');
    const h2 = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: uri(ws.file('20251201000000_initial_schema.sql')) }, position: authAt })) as Hover;
    assert.match((h2.contents as { value: string }).value, /Supabase platform[\s\S]*\| email \|/);
  });

  it('document and workspace symbols', async () => {
    const syms = (await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uri(ws.file(TENANTS)) } })) as DocumentSymbol[];
    assert.deepEqual(
      syms.map((s) => `${s.name} ${s.detail}`),
      ['copilot_internal.tenants create table', 'copilot_internal.tenant_members create table', 'copilot_internal.tenants alter table', 'copilot_internal.tenant_members alter table'],
    );
    // the index a table's primary key makes is listed under the table
    assert.deepEqual(syms[0].children?.map((s) => `${s.name} ${s.detail}`), ['copilot_internal.tenants_pkey create index']);
    const all = (await c.conn.sendRequest('workspace/symbol', { query: 'tenant' })) as SymbolInformation[];
    assert.ok(all.some((s) => s.name === 'copilot_internal.tenant_llm_settings' && s.location.uri === uri(ws.file(POLICIES))));
  });

  it('code actions: the rename (no overwrite), the qualifier fix, and disable comments', async () => {
    const ptext = readFileSync(ws.file(POLICIES), 'utf8');
    const at = posOf(ptext, 'copilot_internal.tenants', 2);
    const actions = (await c.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uri(ws.file(POLICIES)) },
      range: { start: at, end: at },
      context: { diagnostics: [] },
    })) as CodeAction[];
    const rename = actions.find((a) => a.title.startsWith('Rename to'))!;
    assert.deepEqual(actions.map((a) => a.title), [rename.title, 'Disable forward-reference for this line']);
    assert.equal(rename.title, 'Rename to 20260105000003_tenant_llm_policies.sql (runs after 20260105000000_multi_tenant_user_model.sql)');
    assert.equal(rename.isPreferred, true);
    assert.deepEqual(rename.edit!.documentChanges, [
      { kind: 'rename', oldUri: uri(ws.file(POLICIES)), newUri: uri(ws.file('20260105000003_tenant_llm_policies.sql')), options: { overwrite: false, ignoreIfExists: false } },
    ]);
    const disable = actions.find((a) => a.title === 'Disable forward-reference for this line')!;
    assert.deepEqual((disable.edit!.documentChanges![0] as { edits: unknown[] }).edits, [{ range: { start: { line: 16, character: 0 }, end: { line: 16, character: 0 } }, newText: '      -- supabase-migrations-disable-next-line forward-reference\n' }]);

    const vtext = readFileSync(ws.file(VIEW), 'utf8');
    const vat = posOf(vtext, 'public.tenants', 2);
    const vactions = (await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: uri(ws.file(VIEW)) }, range: { start: vat, end: vat }, context: { diagnostics: [] } })) as CodeAction[];
    const qualify = vactions.find((a) => a.title === 'Change to copilot_internal.tenants')!;
    assert.deepEqual(qualify.edit!.documentChanges, [{ textDocument: { uri: uri(ws.file(VIEW)), version: null }, edits: [{ range: { start: vat, end: { line: vat.line, character: vat.character + 14 } }, newText: 'copilot_internal.tenants' }] }]);
  });

  it('code action: add the missing foreign key where the target exists', async () => {
    const name = '20260106000000_settings.sql';
    const text = 'create table public.tenant_settings (\n  id bigint primary key,\n  tenant_id uuid not null\n);\n';
    writeFileSync(ws.file(name), text);
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(ws.file(name)), type: 1 }] });
    await c.waitFor(() => c.codes(uri(ws.file(name))).includes('missing-foreign-key'), 'FK warning in the new file');
    const at = posOf(text, 'tenant_id');
    const actions = (await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: uri(ws.file(name)) }, range: { start: at, end: at }, context: { diagnostics: [] } })) as CodeAction[];
    const add = actions.find((a) => a.title === 'Add references copilot_internal.tenants (id)')!;
    assert.deepEqual((add.edit!.documentChanges![0] as { edits: unknown[] }).edits, [{ range: { start: { line: 2, character: 16 }, end: { line: 2, character: 16 } }, newText: ' references copilot_internal.tenants (id)' }]);
  });

  it('the dependency graph request', async () => {
    const g = (await c.conn.sendRequest('supabaseMigrations/dependencyGraph', {})) as {
      folders: { nodes: { name: string; errors: number; warnings: number }[]; edges: { from: number; to: number; forward: boolean; objects: { name: string; location?: { uri: string } }[] }[] }[];
    };
    assert.equal(g.folders.length, 1);
    const f = g.folders[0];
    assert.deepEqual(f.nodes.map((n) => `${n.name} ${n.errors}/${n.warnings}`), [
      '20251201000000_initial_schema.sql 0/0',
      `${POLICIES} 1/1`,
      `${TENANTS} 0/0`,
      '20260105000001_tenant_member_policies.sql 0/0',
      `${VIEW} 1/0`,
    ]);
    const fwd = f.edges.filter((e) => e.forward);
    assert.equal(fwd.length, 1);
    assert.deepEqual([fwd[0].from, fwd[0].to, fwd[0].objects.map((o) => o.name)], [1, 2, ['copilot_internal.tenants']]);
    assert.equal(fwd[0].objects[0].location?.uri, uri(ws.file(TENANTS)));
  });

  it('the dependency graph request with Mermaid source (what the graph view exports)', async () => {
    type Graph = { folders: { mermaid?: string; nodes: { index: number; name: string }[]; edges: { forward: boolean }[] }[] };
    const plain = (await c.conn.sendRequest('supabaseMigrations/dependencyGraph', {})) as Graph;
    assert.equal(plain.folders[0].mermaid, undefined);
    const g = (await c.conn.sendRequest('supabaseMigrations/dependencyGraph', { mermaid: true })) as Graph;
    const f = g.folders[0];
    const lines = f.mermaid!.split('\n');
    assert.equal(lines[0], 'graph LR');
    assert.deepEqual(lines.slice(1, 1 + f.nodes.length), f.nodes.map((n) => `  n${n.index}["${n.name}"]`));
    assert.ok(lines.includes('  n1 -->|"copilot_internal.tenants"| n2'), f.mermaid);
    assert.equal(lines[lines.length - 1], `  linkStyle ${f.edges.findIndex((e) => e.forward)} stroke:#d33,stroke-width:2px,color:#d33`);
  });

  it('unsaved edits in one file update diagnostics of another, and closing restores the disk text', async () => {
    const tUri = uri(ws.file(TENANTS));
    const pUri = uri(ws.file(POLICIES));
    const vUri = uri(ws.file(VIEW));
    await c.waitFor(() => c.codes(pUri).includes('forward-reference'), 'initial');
    const original = readFileSync(ws.file(TENANTS), 'utf8');
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: tUri, languageId: 'sql', version: 1, text: original } });
    // rename the table in the unsaved buffer: the forward reference becomes an unknown reference elsewhere
    const edited = original.replace('create table copilot_internal.tenants (', 'create table copilot_internal.tenantz (');
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: tUri, version: 2 }, contentChanges: [{ text: edited }] });
    await c.waitFor(() => c.codes(pUri).includes('unknown-reference') && !c.codes(pUri).includes('forward-reference'), 'forward → unknown in the policies file');
    await c.waitFor(() => c.codes(uri(ws.file('20260105000001_tenant_member_policies.sql'))).includes('unknown-reference'), 'member policies: unknown');
    // an incremental edit fixing the view file
    const vtext = readFileSync(ws.file(VIEW), 'utf8');
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: vUri, languageId: 'sql', version: 1, text: vtext } });
    const vat = posOf(vtext, 'public.tenants', 2);
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: vUri, version: 2 }, contentChanges: [{ range: { start: vat, end: { line: vat.line, character: vat.character + 14 } }, text: 'copilot_internal.tenantz' }] });
    await c.waitFor(() => c.codes(vUri).length === 0, 'view fixed');
    // closing the tenants buffer without saving: the disk text counts again
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: tUri } });
    await c.waitFor(() => c.codes(pUri).includes('forward-reference'), 'back to the forward reference');
    await c.waitFor(() => c.codes(vUri).includes('unknown-reference'), 'view now names a table that does not exist');
  });

  it('follows files renamed, created and deleted outside the editor', async () => {
    const oldUri = uri(ws.file(POLICIES));
    const newName = '20260105000003_tenant_llm_policies.sql';
    const newUri = uri(ws.file(newName));
    await c.waitFor(() => c.codes(oldUri).includes('forward-reference'), 'initial');
    renameSync(ws.file(POLICIES), ws.file(newName));
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: oldUri, type: 3 }, { uri: newUri, type: 1 }] });
    await c.waitFor(() => c.diagnostics.get(oldUri)?.length === 0 && c.diagnostics.has(newUri), 'old file cleared, new file published');
    assert.deepEqual(c.codes(newUri), ['missing-foreign-key']);

    const extra = ws.file('20260105000004_public_tenants.sql');
    writeFileSync(extra, 'create table public.tenants (id uuid primary key, name text);\n');
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(extra), type: 1 }] });
    await c.waitFor(() => c.codes(uri(ws.file(VIEW))).includes('forward-reference'), 'view: unknown → forward');
    unlinkSync(extra);
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(extra), type: 3 }] });
    await c.waitFor(() => c.codes(uri(ws.file(VIEW))).includes('unknown-reference'), 'view: back to unknown');
    assert.deepEqual(c.diagnostics.get(uri(extra)), []);

    // workspace/didRenameFiles (a rename done by the editor) works the same way
    renameSync(ws.file(newName), ws.file(POLICIES));
    await c.conn.sendNotification('workspace/didRenameFiles', { files: [{ oldUri: newUri, newUri: oldUri }] });
    await c.waitFor(() => c.codes(oldUri).includes('forward-reference') && c.diagnostics.get(newUri)?.length === 0, 'renamed back');
  });

  it('rapid edits leave no stale or duplicated diagnostics', async () => {
    const vUri = uri(ws.file(VIEW));
    const vtext = readFileSync(ws.file(VIEW), 'utf8');
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: vUri, languageId: 'sql', version: 1, text: vtext } });
    let text = vtext;
    for (let i = 0; i < 60; i++) {
      text = i % 2 === 0 ? vtext.replace('from public.tenants', 'from copilot_internal.tenants') : vtext.replace('from public.tenants', `from public.tenants${i}`);
      void c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: vUri, version: i + 2 }, contentChanges: [{ text }] });
    }
    // last text (i = 59) names public.tenants59: exactly one unknown-reference, for that name
    await c.waitFor(() => (c.diagnostics.get(vUri) ?? []).some((d) => d.message.includes('public.tenants59')), 'final state');
    await new Promise((r) => setTimeout(r, 300));
    const final = c.diagnostics.get(vUri)!;
    assert.equal(final.length, 1);
    assert.match(final[0].message, /public\.tenants59/);
  });

  it('never crashes on bad input', async () => {
    const junk = Buffer.alloc(2000);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 131 + 7) % 256;
    const bad = ws.file('20260107000000_junk.sql');
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(bad), languageId: 'sql', version: 1, text: junk.toString('latin1') + '\u0000' + '$$ unterminated' } });
    writeFileSync(bad, junk);
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(bad), type: 1 }] });
    await c.waitFor(() => c.codes(uri(bad)).length > 0, 'junk diagnostics');
    const h = await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: uri(bad) }, position: { line: 0, character: 3 } });
    assert.equal(h, null);
    assert.equal(c.proc.exitCode, null);
  });
});

describe('language server: the PostgreSQL version of supabase/config.toml', function () {
  this.timeout(60_000);

  it('parses with the grammar config.toml names, re-analyses when it changes, and says which version it assumed', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'sbm-lsp-pg-'));
    const mig = path.join(root, 'supabase', 'migrations');
    mkdirSync(mig, { recursive: true });
    const toml = path.join(root, 'supabase', 'config.toml');
    writeFileSync(toml, '[db]\nmajor_version = 15\n');
    // valid in PostgreSQL 15, a syntax error from 17 on
    const file = path.join(mig, '20240101000000_json.sql');
    writeFileSync(file, 'create function json(x int) returns int language sql as $$ select x $$;\ncreate table public.t (id int);\nselect id from public.t;\n');
    const c = new LspClient();
    try {
      await c.initialize(root);
      await c.waitFor(() => c.diagnostics.has(uri(file)), 'first diagnostics');
      assert.deepEqual(c.codes(uri(file)), []);
      const lastGraph = () => [...c.notifications].reverse().find((n) => n.method === 'supabaseMigrations/graphChanged')?.params as { postgres?: string[] } | undefined;
      await c.waitFor(() => !!lastGraph()?.postgres?.some((p) => p.includes('PostgreSQL 15 (supabase/config.toml)')), 'the version in graphChanged');
      const text = readFileSync(file, 'utf8');
      const hover = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: uri(file) }, position: posOf(text, 't;') })) as Hover | null;
      assert.ok(hover, 'a hover on the table');
      writeFileSync(toml, '[db]\nmajor_version = 17\n');
      await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(toml), type: 2 }] });
      await c.waitFor(() => c.codes(uri(file)).includes('syntax-error'), 'the 17 grammar after the change');
      assert.match(c.diagnostics.get(uri(file))!.find((d) => d.code === 'syntax-error')!.message, /\(PostgreSQL 17 grammar\)/);
      await c.waitFor(() => !!lastGraph()?.postgres?.some((p) => p.includes('PostgreSQL 17 (supabase/config.toml)')), 'the new version in graphChanged');
    } finally {
      await c.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('language server: definitions after edits that change what an earlier migration creates', function () {
  this.timeout(60_000);
  it('go to definition and hover answer as before the edits (a replay keeps later files\' reference lists)', async () => {
    const { root, file } = copySeed();
    const first = file('20251201000000_initial_schema.sql');
    const tree = file('20260106000000_tree.sql');
    const treeText = 'create table public.tree (id bigint primary key, parent_id bigint references public.tree (id));\n';
    writeFileSync(tree, treeText);
    const c = new LspClient();
    try {
      await c.initialize(root);
      // the cursor on the name a CREATE TABLE makes, whose statement also uses it (the self-reference)
      const at = posOf(treeText, 'public.tree');
      const ask = async () => ({
        def: await c.conn.sendRequest('textDocument/definition', { textDocument: { uri: uri(tree) }, position: { line: at.line, character: at.character + 8 } }),
        hover: await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: uri(tree) }, position: { line: at.line, character: at.character + 8 } }),
      });
      const before = await ask();
      assert.ok((before.def as LocationLink[])[0].originSelectionRange, 'an origin range before the edits');
      // two edits that change what the first migration creates: a replay from the start, then one resumed
      const text = readFileSync(first, 'utf8');
      await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(first), languageId: 'sql', version: 1, text } });
      for (let v = 2; v <= 4; v++) {
        const next = v % 2 === 0 ? `${text}\ncreate table public.extra_${v} (id int);\n` : text;
        await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: uri(first), version: v }, contentChanges: [{ text: next }] });
        // a request on the folder analyses each version on its own (no coalescing of the three)
        await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: uri(first) }, position: { line: 0, character: 0 } });
      }
      assert.deepEqual(await ask(), before);
    } finally {
      await c.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('language server: the dependency graph of objects dropped or renamed later', function () {
  this.timeout(60_000);
  it('names them as the CLI\'s `graph` does (never an internal key)', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'sbm-lsp-graph-'));
    const mig = path.join(root, 'supabase', 'migrations');
    mkdirSync(mig, { recursive: true });
    writeFileSync(path.join(mig, '20240101000000_a.sql'), 'select * from public.t1, public.t2;\nselect public.f(1);\n');
    writeFileSync(path.join(mig, '20240102000000_b.sql'), 'create table public.t1 (id int);\ncreate table public.t2 (id int);\ncreate function public.f(a int) returns int language sql as $$ select a $$;\n');
    writeFileSync(path.join(mig, '20240103000000_c.sql'), 'alter table public.t1 rename to t9;\ndrop function public.f(int);\n');
    const c = new LspClient();
    try {
      await c.initialize(root);
      const g = (await c.conn.sendRequest('supabaseMigrations/dependencyGraph', { mermaid: true })) as { folders: { mermaid: string; edges: { from: number; to: number; objects: { name: string }[] }[] }[] };
      const cli = (format: string) => execFileSync(process.execPath, [path.resolve(__dirname, '../../dist/cli.js'), 'graph', root, '--format', format], { encoding: 'utf8' });
      const expected = JSON.parse(cli('json')) as { edges: { from: number; to: number; objects: string[] }[] };
      assert.deepEqual(
        g.folders[0].edges.map((e) => ({ from: e.from, to: e.to, objects: e.objects.map((o) => o.name).sort() })),
        expected.edges.map((e) => ({ from: e.from, to: e.to, objects: [...e.objects].sort() })),
      );
      assert.deepEqual(g.folders[0].edges[0].objects.map((o) => o.name).sort(), ['public.f', 'public.t1', 'public.t2']);
      assert.equal(g.folders[0].mermaid + '\n', cli('mermaid'));
    } finally {
      await c.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('language server: the limit for analysis', function () {
  this.timeout(60_000);
  it('an open document over the limit is not analysed either: the same warning as for the file on disk', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'sbm-lsp-limit-'));
    const mig = path.join(root, 'supabase', 'migrations');
    mkdirSync(mig, { recursive: true });
    writeFileSync(path.join(root, '.supabase-migrations.json'), JSON.stringify({ maxFileBytes: 200 }));
    const big = path.join(mig, '20240101000000_big.sql');
    const text = `select * from public.nothing_here;\n-- ${'é'.repeat(100)}\n`; // 239 bytes, 139 UTF-16 units
    writeFileSync(big, text);
    const c = new LspClient();
    try {
      await c.initialize(root);
      await c.waitFor(() => c.diagnostics.has(uri(big)), 'first diagnostics');
      const onDisk = c.diagnostics.get(uri(big))!;
      assert.deepEqual(onDisk.map((d) => d.code), ['unreadable-file']);
      await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(big), languageId: 'sql', version: 1, text } });
      await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: uri(big) }, position: { line: 0, character: 16 } });
      await new Promise((r) => setTimeout(r, 300));
      assert.deepEqual(c.diagnostics.get(uri(big)), onDisk);
      // at the limit (200 bytes): analysed
      await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: uri(big), version: 2 }, contentChanges: [{ text: text.replace('é'.repeat(40), 'e'.repeat(41)) }] });
      await c.waitFor(() => c.codes(uri(big)).includes('unknown-reference'), 'analysed under the limit');
    } finally {
      await c.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('language server: file events while the folder is read again', function () {
  this.timeout(60_000);
  it('a file created while the folder is re-read is not lost (events are applied in order)', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'sbm-lsp-reread-'));
    const mig = path.join(root, 'supabase', 'migrations');
    mkdirSync(mig, { recursive: true });
    // enough files that reading them again takes many turns of the server's event loop
    for (let i = 0; i < 1000; i++) writeFileSync(path.join(mig, `2024010100${String(i).padStart(4, '0')}_t${i}.sql`), `create table public.t${i} (id int primary key);\n`);
    const late = path.join(mig, '20240201000000_late.sql');
    const c = new LspClient();
    try {
      await c.initialize(root);
      // the folder changed (a branch switch), and right after, a new file
      await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(mig), type: 2 }] });
      // (a round trip: the server has begun reading the folder when the file appears)
      await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: uri(late) }, position: { line: 0, character: 0 } });
      writeFileSync(late, 'select * from public.nothing_here;\n');
      await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(late), type: 1 }] });
      await c.waitFor(() => c.codes(uri(late)).includes('unknown-reference'), 'the new file analysed');
      await c.conn.sendRequest('supabaseMigrations/waitForIndex', {});
      await new Promise((r) => setTimeout(r, 500));
      assert.deepEqual(c.codes(uri(late)), ['unknown-reference']);
      const g = (await c.conn.sendRequest('supabaseMigrations/dependencyGraph', {})) as { folders: { nodes: unknown[] }[] };
      assert.equal(g.folders[0].nodes.length, 1001);
    } finally {
      await c.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('language server: rename while indexing', function () {
  this.timeout(60_000);
  it('reports the renamed file, not the old one', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'sbm-lsp-big-'));
    const mig = path.join(root, 'supabase', 'migrations');
    cpSync(path.join(SEED, 'supabase'), path.join(root, 'supabase'), { recursive: true });
    for (let i = 0; i < 400; i++) {
      const v = `202601${String(10 + Math.floor(i / 100)).padStart(2, '0')}${String(i % 100).padStart(6, '0')}`;
      writeFileSync(path.join(mig, `${v}_t${i}.sql`), `create table public.t${i} (id bigint primary key, prev_id bigint${i ? ` references public.t${i - 1} (id)` : ''});\n`.repeat(1));
    }
    const c = new LspClient();
    try {
      await c.conn.sendRequest('initialize', { processId: process.pid, rootUri: uri(root), workspaceFolders: [{ uri: uri(root), name: 'big' }], capabilities: {} });
      await c.conn.sendNotification('initialized', {});
      const oldP = path.join(mig, POLICIES);
      const newP = path.join(mig, '20260105000003_tenant_llm_policies.sql');
      renameSync(oldP, newP);
      await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(oldP), type: 3 }, { uri: uri(newP), type: 1 }] });
      await c.conn.sendRequest('supabaseMigrations/waitForIndex', {});
      await c.waitFor(() => c.diagnostics.has(uri(newP)), 'new file published');
      await new Promise((r) => setTimeout(r, 300));
      assert.ok(!c.diagnostics.get(uri(oldP))?.length, 'no diagnostics left on the old name');
      assert.deepEqual(c.codes(uri(newP)), ['missing-foreign-key']);
    } finally {
      await c.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('language server: requests while the first index is built', function () {
  this.timeout(60_000);
  it('answer "indexing" instead of failing (the parser is loaded after the first scan)', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'sbm-lsp-early-'));
    for (let p = 0; p < 8; p++) {
      const mig = path.join(root, `app${p}`, 'supabase', 'migrations');
      cpSync(path.join(SEED, 'supabase'), path.join(root, `app${p}`, 'supabase'), { recursive: true });
      for (let i = 0; i < 60; i++) writeFileSync(path.join(mig, `2026011000${String(i).padStart(4, '0')}_t${i}.sql`), `create table public.t${i} (id bigint primary key);\n`);
    }
    const c = new LspClient();
    try {
      await c.conn.sendRequest('initialize', { processId: process.pid, rootUri: uri(root), workspaceFolders: [{ uri: uri(root), name: 'early' }], capabilities: {} });
      await c.conn.sendNotification('initialized', {});
      let done = false;
      const indexed = c.conn.sendRequest('supabaseMigrations/waitForIndex', {}).then(() => (done = true));
      const policies = uri(path.join(root, 'app0', 'supabase', 'migrations', POLICIES));
      const answers: { folders: unknown[]; indexing: boolean }[] = [];
      while (!done) {
        answers.push((await c.conn.sendRequest('supabaseMigrations/dependencyGraph', {})) as { folders: unknown[]; indexing: boolean });
        await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: policies }, position: { line: 16, character: 30 } });
      }
      await indexed;
      assert.ok(answers.some((a) => a.indexing), 'at least one graph request was answered while the first index was being built');
      for (const a of answers) if (a.folders.length < 8) assert.equal(a.indexing, true, 'a partial answer says so');
      const last = (await c.conn.sendRequest('supabaseMigrations/dependencyGraph', {})) as { folders: unknown[]; indexing: boolean };
      assert.deepEqual([last.folders.length, last.indexing], [8, false]);
      assert.deepEqual(c.logs.filter((l) => /failed|not initialised/i.test(l)), []);
    } finally {
      await c.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('language server: `supabase-migrations lsp`', function () {
  this.timeout(30_000);
  it('the CLI starts the same server over stdio', async () => {
    const proc = spawn(process.execPath, [path.resolve(__dirname, '../../dist/cli.js'), 'lsp'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    conn.listen();
    try {
      const r = (await conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} })) as { capabilities: { definitionProvider: boolean }; serverInfo: { name: string } };
      assert.equal(r.capabilities.definitionProvider, true);
      assert.equal(r.serverInfo.name, 'supabase-migrations');
    } finally {
      conn.dispose();
      proc.kill();
    }
  });
});
