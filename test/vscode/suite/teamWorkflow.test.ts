/**
 * The team workflow in the editor (issue 23): the example workspace becomes a git repository whose `main` has
 * the five migrations; on a feature branch a migration older than main's newest is added. The language server
 * compares with `main` (the `supabaseMigrations.baseRef` setting), reports out-of-order, the tree marks the
 * file, and the quick fix applied through VS Code renames it on disk. Everything is undone afterwards (the
 * repository removed, the setting reset).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { api, base, closeAllEditors, codeOf, codes, describeState, mig, root, waitFor, waitForSeedState } from './helpers';

const FEATURE = '20260104000000_feature_notes.sql';
const NEWEST = '20260105000002_tenant_overview_view.sql';
const SQL = 'create table public.feature_notes (\n  id bigint primary key,\n  body text not null\n);\n';

const label = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : item.label?.label ?? '');

describe('team workflow: out-of-order against the git base', () => {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'sbm-vscode-git-'));
  const gitConfig = path.join(scratch, 'gitconfig');
  writeFileSync(gitConfig, '');
  /** git in the workspace, independent of the machine's configuration. */
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
      cwd: root().fsPath,
      encoding: 'utf8',
      env: { ...process.env, GIT_CONFIG_GLOBAL: gitConfig, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' },
    });
  const settings = () => vscode.workspace.getConfiguration('supabaseMigrations');
  let renamed: vscode.Uri | undefined;

  before(async () => {
    await api();
    await closeAllEditors();
    await waitForSeedState();
    git('-c', 'init.defaultBranch=main', 'init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'the five migrations');
    await settings().update('baseRef', 'main', vscode.ConfigurationTarget.Workspace);
    // a branch off main (HEAD moves: the server reads its base again)
    git('checkout', '-q', '-b', 'feature');
  });

  after(async () => {
    await closeAllEditors();
    const del = new vscode.WorkspaceEdit();
    for (const u of [mig(FEATURE), ...(renamed ? [renamed] : [])]) del.deleteFile(u, { ignoreIfNotExists: true });
    await vscode.workspace.applyEdit(del);
    rmSync(path.join(root().fsPath, '.git'), { recursive: true, force: true });
    await settings().update('baseRef', undefined, vscode.ConfigurationTarget.Workspace);
    rmSync(scratch, { recursive: true, force: true });
    await waitForSeedState();
  });

  it('reports the branch\'s older migration, marks it in the tree, and the quick fix renames it on disk', async () => {
    await vscode.workspace.fs.writeFile(mig(FEATURE), Buffer.from(SQL));
    try {
      await waitFor(() => codes(mig(FEATURE)).includes('out-of-order'), 'out-of-order on the feature branch\'s migration');
    } catch (e) {
      throw new Error(`${(e as Error).message}: ${await describeState()}`);
    }
    const diagnostic = vscode.languages.getDiagnostics(mig(FEATURE)).find((d) => codeOf(d) === 'out-of-order')!;
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.match(diagnostic.message, new RegExp(`main@[0-9a-f]{7} already has ${NEWEST}`));

    // the tree: new on this branch, out of order
    const { tree } = await api();
    tree.refresh();
    const item = async (name: string) => {
      const top = await tree.getChildren();
      const node = top.find((n) => label(tree.getTreeItem(n)) === name);
      return node && tree.getTreeItem(node);
    };
    await waitFor(async () => /out of order/.test(String((await item(FEATURE))?.description)), 'the tree marks the migration out of order');
    assert.equal((await item(FEATURE))!.description, '#3 · new on this branch, out of order · 1 error');
    assert.equal(((await item(FEATURE))!.iconPath as vscode.ThemeIcon).id, 'warning');
    assert.equal((await item(NEWEST))!.description, '#6 · 1 error', 'main\'s migrations are not new');

    // the quick fix, applied through VS Code (code actions are asked of an open document)
    await vscode.window.showTextDocument(mig(FEATURE));
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', mig(FEATURE), diagnostic.range);
    const action = actions.find((a): a is vscode.CodeAction => a instanceof vscode.CodeAction && a.title.startsWith('Rename to '));
    assert.ok(action?.edit, `the re-stamp is offered among: ${actions.map((a) => a.title).join(' | ')}`);
    const to = /^Rename to (\S+) \(runs after (\S+)\)$/.exec(action.title);
    assert.ok(to, action.title);
    assert.equal(to[2], NEWEST);
    assert.match(to[1], /^\d{14}_feature_notes\.sql$/);
    assert.ok(to[1] > NEWEST, `${to[1]} sorts after ${NEWEST}`);
    renamed = mig(to[1]);
    assert.equal(await vscode.workspace.applyEdit(action.edit), true, 'applyEdit succeeded');
    await waitFor(() => existsSync(renamed!.fsPath) && !existsSync(mig(FEATURE).fsPath), 'renamed on disk');
    assert.equal(readFileSync(renamed.fsPath, 'utf8'), SQL, 'content unchanged');
    await waitFor(() => codes(renamed!).length === 0 && codes(mig(FEATURE)).length === 0, `no out-of-order left (has ${codes(renamed)} / ${codes(mig(FEATURE))})`);
    tree.refresh();
    await waitFor(async () => (await item(base(renamed!)))?.description === '#6 · new on this branch', 'the tree: still new on this branch, in order');
  });
});
