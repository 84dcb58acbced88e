import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { api, base, closeAllEditors, mig, POLICIES, waitFor, waitForSeedState } from './helpers';

/** yyyymmddHHMMSS in UTC, like `supabase migration new`. */
function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

describe('command: New Migration', () => {
  const created: vscode.Uri[] = [];
  before(async () => {
    await api();
    await waitForSeedState();
  });
  after(async () => {
    await closeAllEditors();
    const folder = path.dirname(mig(POLICIES).fsPath);
    for (const f of readdirSync(folder).filter((n) => /_(add_widgets|add_gadgets|taken)\.sql$/.test(n))) created.push(vscode.Uri.file(path.join(folder, f)));
    // delete as the Explorer does (a WorkspaceEdit): that also closes the documents the command opened, which
    // the language server would otherwise keep analysing as open documents
    const del = new vscode.WorkspaceEdit();
    for (const u of created) del.deleteFile(u, { ignoreIfNotExists: true });
    await vscode.workspace.applyEdit(del);
    // The documents the command opened can stay open in the extension host for a while after their editors
    // are closed and their files deleted (VS Code keeps them up to a few minutes), and the language server
    // analyses open documents: so the tree may list them until then. This suite runs last for that reason.
    await waitForSeedState();
  });

  it('creates <now UTC>_<name>.sql in the migrations folder and opens it', async () => {
    const t0 = Date.now();
    const a = await vscode.commands.executeCommand<vscode.Uri>('supabaseMigrations.newMigration', 'add_widgets');
    const t1 = Date.now();
    const folder = path.dirname(mig(POLICIES).fsPath);
    assert.ok(a instanceof vscode.Uri, `the command returns the new file (got ${String(a)})`);
    assert.equal(path.dirname(a.fsPath), folder);
    assert.match(base(a), /^\d{14}_add_widgets\.sql$/);
    const v = base(a).slice(0, 14);
    assert.ok(v >= stamp(t0) && v <= stamp(t1), `${v} is the current UTC time (${stamp(t0)}..${stamp(t1)})`);
    assert.equal(readFileSync(a.fsPath, 'utf8'), '-- add_widgets\n\n');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), a.toString(), 'the new file is opened');
    const { tree } = await api();
    await waitFor(async () => (tree.refresh(), (await tree.getChildren()).some((n) => n.type === 'migration' && n.node.name === base(a))), 'the tree lists the new migration');
  });

  it('never takes a version that a file on disk already has', async () => {
    const folder = path.dirname(mig(POLICIES).fsPath);
    // occupy the current second and the next four, as files created outside the editor
    const t0 = Date.now();
    const taken = [0, 1, 2, 3, 4].map((k) => stamp(t0 + k * 1000));
    for (const v of taken) {
      const u = vscode.Uri.file(path.join(folder, `${v}_taken.sql`));
      created.push(u);
      await vscode.workspace.fs.writeFile(u, Buffer.from('select 1;\n'));
    }
    const { tree } = await api();
    await waitFor(async () => (tree.refresh(), (await tree.getChildren()).filter((n) => n.type === 'migration' && n.node.name.endsWith('_taken.sql')).length === taken.length), 'the server sees the occupied versions');
    const b = await vscode.commands.executeCommand<vscode.Uri>('supabaseMigrations.newMigration', 'add_gadgets');
    assert.ok(b instanceof vscode.Uri, `the command returns the new file (got ${String(b)})`);
    created.push(b);
    assert.match(base(b), /^\d{14}_add_gadgets\.sql$/);
    const v = base(b).slice(0, 14);
    assert.ok(!taken.includes(v), `${v} is not one of the occupied versions ${taken.join(', ')}`);
    assert.ok(v > taken[taken.length - 1], `${v} sorts after every existing migration`);
    assert.ok(!Number.isNaN(Date.parse(`${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}T${v.slice(8, 10)}:${v.slice(10, 12)}:${v.slice(12, 14)}Z`)), `${v} is a valid timestamp`);
    assert.deepEqual(readdirSync(folder).filter((f) => f.startsWith(`${v}_`)), [base(b)], 'no other file on disk has its version');
  });

  // The server checks the folder on disk and the open documents, not only what the watcher reported.
  it('two New Migration commands in the same second get different versions', async () => {
    const a = await vscode.commands.executeCommand<vscode.Uri>('supabaseMigrations.newMigration', 'add_widgets');
    const b = await vscode.commands.executeCommand<vscode.Uri>('supabaseMigrations.newMigration', 'add_widgets');
    assert.ok(a instanceof vscode.Uri && b instanceof vscode.Uri && a.toString() !== b.toString(), `${String(a)} / ${String(b)}`);
    created.push(a, b);
  });
});
