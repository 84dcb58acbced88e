import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, mig, POLICIES, posOf, waitForSeedState } from './helpers';

function text(h: vscode.Hover): string {
  return h.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

describe('hover', () => {
  before(async () => {
    await api();
    await waitForSeedState();
  });

  it('shows the table, where it is created, and its columns', async () => {
    const doc = await vscode.workspace.openTextDocument(mig(POLICIES));
    const at = posOf(doc.getText(), 'copilot_internal.tenants', 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', mig(POLICIES), at.translate(0, 20));
    const md = hovers.map(text).join('\n');
    assert.match(md, /\*\*table\*\* `copilot_internal\.tenants`/);
    assert.match(md, /Created in \[20260105000000_multi_tenant_user_model\.sql\]/);
    assert.match(md, /Not created yet at this point/);
    for (const col of ['id', 'name', 'owner_id', 'created_at']) assert.match(md, new RegExp(`\\| (\\*\\*)?${col}(\\*\\*)?( 🔑)? \\| \``), col);
  });
});
