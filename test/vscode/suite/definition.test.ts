import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, mig, POLICIES, posOf, TENANTS, waitForSeedState } from './helpers';

describe('go to definition', () => {
  before(async () => {
    await api();
    await waitForSeedState();
  });

  it('copilot_internal.tenants in the policy subquery lands on its CREATE TABLE in the tenants migration', async () => {
    const doc = await vscode.workspace.openTextDocument(mig(POLICIES));
    // occurrence 1 is in the comment on line 2; occurrence 2 is the real use in the policy (line 17)
    const at = posOf(doc.getText(), 'copilot_internal.tenants', 2);
    assert.equal(at.line, 16);
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', mig(POLICIES), at.translate(0, 20));
    assert.equal(defs.length, 1);
    const d = defs[0];
    const uri = 'targetUri' in d ? d.targetUri : d.uri;
    const range = 'targetUri' in d ? (d.targetSelectionRange ?? d.targetRange) : d.range;
    assert.equal(uri.toString(), mig(TENANTS).toString());
    assert.deepEqual([range.start.line, range.start.character, range.end.line, range.end.character], [1, 13, 1, 37]);
  });

  it('nothing inside the comment on line 2', async () => {
    const doc = await vscode.workspace.openTextDocument(mig(POLICIES));
    const at = posOf(doc.getText(), 'copilot_internal.tenants', 1);
    assert.equal(at.line, 1);
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', mig(POLICIES), at.translate(0, 20));
    assert.deepEqual(defs, []);
  });
});
