import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { api, closeAllEditors, codes, MEMBERS, mig, POLICIES, posOf, TENANTS, waitFor, waitForSeedState } from './helpers';

describe('editing one migration re-checks the others', () => {
  before(async () => {
    await api();
    await waitForSeedState();
  });
  after(async () => {
    await closeAllEditors();
    await waitForSeedState();
  });

  it('renaming the table in the (unsaved) tenants migration turns uses elsewhere into unknown references, and back', async () => {
    const doc = await vscode.workspace.openTextDocument(mig(TENANTS));
    const onDisk = readFileSync(mig(TENANTS).fsPath, 'utf8');
    const at = posOf(doc.getText(), 'create table copilot_internal.tenants (').translate(0, 'create table copilot_internal.'.length);
    const range = new vscode.Range(at, at.translate(0, 'tenants'.length));
    assert.equal(doc.getText(range), 'tenants');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(mig(TENANTS), range, 'tenantz');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    await waitFor(
      () => codes(mig(POLICIES)).includes('unknown-reference') && !codes(mig(POLICIES)).includes('forward-reference') && codes(mig(MEMBERS)).includes('unknown-reference'),
      `policies: forward → unknown (has ${codes(mig(POLICIES))}); member policies: unknown (has ${codes(mig(MEMBERS))})`,
    );
    assert.equal(readFileSync(mig(TENANTS).fsPath, 'utf8'), onDisk, 'nothing saved');

    const undo = new vscode.WorkspaceEdit();
    undo.replace(mig(TENANTS), new vscode.Range(at, at.translate(0, 'tenantz'.length)), 'tenants');
    assert.equal(await vscode.workspace.applyEdit(undo), true);
    await waitForSeedState();
    assert.deepEqual(codes(mig(MEMBERS)), []);
  });
});
