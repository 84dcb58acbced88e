/**
 * The team workflow in the editor (issue 23): the bundled language server over stdio finds the git base
 * itself (`supabaseMigrations.baseRef`, default `auto`), shows out-of-order / edited-applied live with their
 * quick fixes, refreshes when the base or HEAD moves (it watches the repository's git state), and outside a
 * repository says so once in the log and works as before. Real git repositories in temp folders.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { cloneRepo, initRepo, isolateGit, tempDir, type TestRepo } from '../support/gitRepo';
import { LspClient, uri } from '../support/lspClient';

const INIT = '20260101000000_accounts.sql';
const FEATURE = '20260201000000_projects.sql';
const LATER = '20260301000000_billing.sql';
const RESTAMPED = '20260301000001_projects.sql';
const A = 'create table public.accounts (\n  id bigint primary key,\n  name text not null\n);\n';
const P = 'create table public.projects (\n  id bigint primary key,\n  account_id bigint not null references public.accounts (id)\n);\n';
const B = 'create table public.billing (\n  id bigint primary key,\n  amount numeric not null\n);\n';

const TEAM = new Set(['out-of-order', 'edited-applied', 'removed-applied', 'renamed-applied']);

interface GraphNode {
  name: string;
  newOnBranch?: boolean;
  outOfOrder?: boolean;
}

describe('language server: team workflow (git base)', function () {
  this.timeout(60_000);
  isolateGit();
  let tmp: ReturnType<typeof tempDir>;
  let c: LspClient | undefined;

  beforeEach(() => (tmp = tempDir('sbm-lsp-team-')));
  afterEach(async () => {
    await c?.stop();
    c = undefined;
    tmp.remove();
  });

  /** origin's main has INIT; `work` is a clone on a feature branch that adds FEATURE (not committed yet). */
  function repos(): { origin: TestRepo; work: TestRepo } {
    const origin = initRepo(tmp.dir);
    origin.write({ [INIT]: A }).commit('accounts');
    const work = cloneRepo(origin, tmp.dir, 'work');
    work.git('checkout', '-q', '-b', 'feature');
    work.write({ [FEATURE]: P });
    return { origin, work };
  }

  const fileUri = (repo: TestRepo, name: string) => uri(path.join(repo.folder, name));
  const team = (u: string) => (c!.diagnostics.get(u) ?? []).filter((d) => TEAM.has(String(d.code))).map((d) => String(d.code));
  const teamLogs = () => c!.logs.filter((l) => l.startsWith('team workflow'));
  const graph = async () => (await c!.conn.sendRequest('supabaseMigrations/dependencyGraph', {})) as { folders: { base?: string; nodes: GraphNode[] }[] };

  it('out-of-order appears when the base moves (fetch), with the re-stamp as a rename; a commit on the branch republishes nothing', async () => {
    const { origin, work } = repos();
    c = new LspClient();
    await c.initialize(work.dir);
    const feature = fileUri(work, FEATURE);
    await c.waitFor(() => c!.diagnostics.has(feature), 'the feature migration analysed');
    assert.deepEqual(team(feature), [], 'newer than everything on origin/main: in order');
    const originMain = origin.head().slice(0, 7);
    assert.deepEqual(teamLogs(), [`team workflow: supabase/migrations is compared with origin/main@${originMain} (the default branch; setting supabaseMigrations.baseRef)`]);
    let g = await graph();
    assert.equal(g.folders[0].base, `origin/main@${originMain}`);
    assert.deepEqual(
      g.folders[0].nodes.map((n) => `${n.name} ${n.newOnBranch ? 'new' : '-'} ${n.outOfOrder ? 'out-of-order' : '-'}`),
      [`${INIT} - -`, `${FEATURE} new -`],
    );
    const status = c.notifications.filter((n) => n.method === 'supabaseMigrations/graphChanged').pop()!.params as { bases?: string[] };
    assert.deepEqual(status.bases, [`origin/main@${originMain}`]);

    // main gets a later migration; the branch's fetch moves origin/main (no file of the work tree changes)
    origin.write({ [LATER]: B }).commit('billing');
    work.git('fetch', '-q');
    await c.waitFor(() => team(feature).includes('out-of-order'), 'out-of-order after the fetch');
    const d = c.diagnostics.get(feature)!.find((x) => x.code === 'out-of-order')!;
    assert.equal(d.severity, 1);
    assert.match(d.message, new RegExp(`origin/main@${origin.head().slice(0, 7)} already has ${LATER}`));
    g = await graph();
    assert.deepEqual(g.folders[0].nodes.find((n) => n.name === FEATURE), { ...g.folders[0].nodes.find((n) => n.name === FEATURE), newOnBranch: true, outOfOrder: true });

    const actions = (await c.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri: feature },
      range: d.range,
      context: { diagnostics: [d] },
    })) as CodeAction[];
    const restamp = actions.find((a) => a.title.startsWith('Rename to'));
    assert.ok(restamp, `re-stamp offered among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(restamp.title, `Rename to ${RESTAMPED} (runs after ${LATER})`);
    assert.equal(restamp.isPreferred, true);
    assert.deepEqual(restamp.edit!.documentChanges, [{ kind: 'rename', oldUri: feature, newUri: fileUri(work, RESTAMPED), options: { overwrite: false, ignoreIfExists: false } }]);

    // HEAD moves (a commit on the branch) but the base does not: the bases are read again, nothing is republished
    const published = c.publications.length;
    const logs = teamLogs().length;
    work.git('add', '-A');
    work.git('commit', '-q', '-m', 'projects');
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(c.publications.length, published, 'the same diagnostics are not sent again');
    assert.equal(teamLogs().length, logs, 'the same base is not logged again');
    assert.deepEqual(team(feature), ['out-of-order']);
  });

  it('refreshes when HEAD moves: a checkout of another branch and back (with the editor\'s file events)', async () => {
    const { origin, work } = repos();
    origin.write({ [LATER]: B }).commit('billing');
    work.git('fetch', '-q');
    work.git('add', '-A');
    work.git('commit', '-q', '-m', 'projects');
    c = new LspClient();
    await c.initialize(work.dir);
    const feature = fileUri(work, FEATURE);
    await c.waitFor(() => team(feature).includes('out-of-order'), 'out-of-order on the feature branch');

    // the branch is merged into main as a re-stamped migration; checking main out (HEAD moves, files change)
    work.git('checkout', '-q', '-b', 'hotfix', 'origin/main');
    assert.equal(existsSync(path.join(work.folder, FEATURE)), false);
    const events = (changes: { name: string; type: 1 | 2 | 3 }[]) =>
      c!.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: changes.map((x) => ({ uri: fileUri(work, x.name), type: x.type })) });
    await events([
      { name: FEATURE, type: 3 },
      { name: LATER, type: 1 },
    ]);
    await c.waitFor(() => (c!.diagnostics.get(feature) ?? []).length === 0, 'the feature file gone: no diagnostics');
    const later = fileUri(work, LATER);
    await c.waitFor(() => c!.diagnostics.has(later), 'the base\'s later migration analysed');
    assert.deepEqual(team(later), []);
    assert.deepEqual((await graph()).folders[0].nodes.map((n) => `${n.name} ${n.newOnBranch ? 'new' : '-'}`), [`${INIT} -`, `${LATER} -`]);

    // back on the feature branch: out-of-order again
    work.git('checkout', '-q', 'feature');
    await events([
      { name: FEATURE, type: 1 },
      { name: LATER, type: 3 },
    ]);
    await c.waitFor(() => team(feature).includes('out-of-order'), 'out-of-order after checking the feature branch out again');
  });

  it('several out-of-order migrations: one action re-stamps them all, in their order', async () => {
    const { origin, work } = repos();
    origin.write({ [LATER]: B }).commit('billing');
    work.git('fetch', '-q');
    const SECOND = '20260202000000_project_notes.sql';
    work.write({ [SECOND]: 'create table public.project_notes (\n  id bigint primary key,\n  project_id bigint not null references public.projects (id)\n);\n' });
    c = new LspClient();
    await c.initialize(work.dir);
    const second = fileUri(work, SECOND);
    await c.waitFor(() => team(second).includes('out-of-order') && team(fileUri(work, FEATURE)).includes('out-of-order'), 'both out of order');
    const d = c.diagnostics.get(second)!.find((x) => x.code === 'out-of-order')!;
    const actions = (await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: second }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.title), ["Re-stamp this branch's 2 out-of-order migrations after the base's newest (keeping their order)", 'Disable out-of-order for this file']);
    const renames = actions[0].edit!.documentChanges as { kind: string; oldUri: string; newUri: string; options: unknown }[];
    assert.deepEqual(
      renames.map((r) => [path.basename(new URL(r.oldUri).pathname), path.basename(new URL(r.newUri).pathname), r.options]),
      [
        [FEATURE, RESTAMPED, { overwrite: false, ignoreIfExists: false }],
        [SECOND, '20260301000002_project_notes.sql', { overwrite: false, ignoreIfExists: false }],
      ],
    );
  });

  it('edited-applied: an unsaved edit of a migration the base has is reported live, with the move to a new migration', async () => {
    const { work } = repos();
    // (a new migration of the branch that uses the edited one would keep the statements where they are)
    work.remove(FEATURE);
    c = new LspClient();
    await c.initialize(work.dir);
    const init = fileUri(work, INIT);
    await c.waitFor(() => c!.diagnostics.has(init), 'the applied migration analysed');
    assert.deepEqual(team(init), []);
    const added = 'create index accounts_name on public.accounts (name);\n';
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: init, languageId: 'sql', version: 1, text: A } });
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: init, version: 2 }, contentChanges: [{ text: A + added }] });
    await c.waitFor(() => team(init).includes('edited-applied'), 'edited-applied while typing');
    const d = c.diagnostics.get(init)!.find((x) => x.code === 'edited-applied')!;
    assert.equal(d.severity, 2);
    const actions = (await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: init }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
    const move = actions.find((a) => a.title.startsWith('Move the added statement'));
    assert.ok(move, `move offered among: ${actions.map((a) => a.title).join(' | ')}`);
    const changes = move.edit!.documentChanges as { kind?: string; uri?: string; textDocument?: { uri: string; version: number | null }; edits?: { newText: string }[] }[];
    assert.equal(changes[0].kind, 'create');
    assert.deepEqual((changes[0] as { options?: unknown }).options, { overwrite: false, ignoreIfExists: false });
    assert.equal(changes[1].textDocument!.uri, changes[0].uri);
    assert.match(changes[1].edits![0].newText, /create index accounts_name on public\.accounts \(name\);/);
    assert.deepEqual(changes[2].textDocument, { uri: init, version: 2 });
    assert.deepEqual(changes[2].edits!.map((e) => e.newText), ['']);
    // undoing the edit clears it
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: init, version: 3 }, contentChanges: [{ text: A }] });
    await c.waitFor(() => team(init).length === 0, 'edited-applied gone after the undo');
  });

  it('the setting baseRef names the base; off turns the comparison off', async () => {
    const { origin, work } = repos();
    origin.write({ [LATER]: B }).commit('billing');
    work.git('fetch', '-q');
    let baseRef: string = 'off';
    c = new LspClient();
    c.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ baseRef })));
    await c.initialize(work.dir, { workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } } });
    const feature = fileUri(work, FEATURE);
    await c.waitFor(() => c!.diagnostics.has(feature), 'analysed');
    assert.deepEqual(team(feature), [], 'off: no comparison');
    assert.deepEqual(teamLogs(), []);
    baseRef = 'origin/main';
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await c.waitFor(() => team(feature).includes('out-of-order'), 'out-of-order against origin/main');
    assert.deepEqual(teamLogs(), [`team workflow: supabase/migrations is compared with origin/main@${origin.head().slice(0, 7)}`]);
    baseRef = 'no-such-branch';
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await c.waitFor(() => team(feature).length === 0, 'an unknown ref: the comparison is off');
    assert.match(teamLogs().pop()!, /^team workflow off for supabase\/migrations: no-such-branch is not a branch, tag or commit/);
  });

  it('outside a repository: one line in the log, everything else as before', async () => {
    const root = path.join(tmp.dir, 'plain');
    const folder = path.join(root, 'supabase', 'migrations');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, INIT), 'create table public.projects (id bigint primary key, account_id bigint references public.accounts (id));\n');
    writeFileSync(path.join(folder, FEATURE), A);
    c = new LspClient();
    await c.initialize(root);
    const first = uri(path.join(folder, INIT));
    await c.waitFor(() => c!.codes(first).includes('forward-reference'), 'the usual diagnostics');
    // typing does not say it again
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: first, languageId: 'sql', version: 1, text: 'select 1;\n' } });
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: first, version: 2 }, contentChanges: [{ text: 'select 2;\n' }] });
    await c.waitFor(() => c!.codes(first).length === 0, 'the edit analysed');
    const lines = teamLogs();
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.match(lines[0], /^team workflow off for supabase\/migrations: .*not inside a git repository .*everything else works\)$/);
    assert.equal(c.stderr.includes('Error'), false, c.stderr);
  });
});
