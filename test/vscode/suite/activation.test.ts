import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, EXTENSION_ID, mig, POLICIES, exists } from './helpers';

describe('activation', () => {
  it('activates on the supabase/migrations folder and exposes its API', async () => {
    assert.ok(await exists(mig(POLICIES)), 'the example workspace is open');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'the extension is installed');
    const a = await api();
    assert.equal(ext.isActive, true);
    assert.equal(a.client.isRunning(), true, 'the language server runs');
    const cmds = await vscode.commands.getCommands(true);
    for (const c of ['supabaseMigrations.newMigration', 'supabaseMigrations.applySuggestedRename', 'supabaseMigrations.reindex', 'supabaseMigrations.showDependencyGraph']) assert.ok(cmds.includes(c), c);
  });
});
