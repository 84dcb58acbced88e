import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { api, closeAllEditors, codeOf, codes, exists, mig, POLICIES, posOf, RENAMED, TENANTS, waitFor, waitForSeedState } from './helpers';

const TITLE = `Rename to ${RENAMED} (runs after ${TENANTS})`;

async function renameAction(): Promise<vscode.CodeAction> {
  const doc = (await vscode.window.showTextDocument(mig(POLICIES))).document;
  const at = posOf(doc.getText(), 'copilot_internal.tenants', 2);
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', mig(POLICIES), new vscode.Range(at, at));
  const action = actions.find((a) => a.title.startsWith(`Rename to ${RENAMED}`));
  assert.ok(action, `rename offered among: ${actions.map((a) => a.title).join(' | ')}`);
  assert.ok(action instanceof vscode.CodeAction, 'a code action, not a bare command');
  assert.equal(action.title, TITLE);
  assert.equal(action.isPreferred, true);
  assert.ok(action.edit, 'the action carries a workspace edit');
  return action;
}

async function apply(action: vscode.CodeAction): Promise<void> {
  assert.equal(await vscode.workspace.applyEdit(action.edit!), true, 'applyEdit succeeded');
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

async function fixedState(): Promise<void> {
  await waitFor(
    () => codes(mig(RENAMED)).join() === 'missing-foreign-key' && vscode.languages.getDiagnostics(mig(POLICIES)).length === 0,
    `renamed file: only the FK warning (has ${codes(mig(RENAMED))}); old URI: none (has ${codes(mig(POLICIES))})`,
  );
  const forward = vscode.languages.getDiagnostics().flatMap(([u, ds]) => ds.filter((d) => codeOf(d) === 'forward-reference').map(() => u.toString()));
  assert.deepEqual(forward, [], 'no forward reference left anywhere');
}

describe('rename quick fix', () => {
  before(async () => {
    await api();
    await closeAllEditors();
    await waitForSeedState();
  });

  afterEach(async () => {
    // Rename back with the document shown in an editor, as a person would: a document that the extension
    // host opened without an editor is not moved back with the file, and stays open (and analysed, as
    // the language server must) under the name it no longer has on disk.
    for (const d of vscode.workspace.textDocuments.filter((x) => x.isDirty)) {
      await vscode.window.showTextDocument(d);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    if (await exists(mig(RENAMED))) {
      await vscode.window.showTextDocument(mig(RENAMED));
      const back = new vscode.WorkspaceEdit();
      back.renameFile(mig(RENAMED), mig(POLICIES), { overwrite: false });
      assert.equal(await vscode.workspace.applyEdit(back), true, 'renamed back');
    }
    await closeAllEditors();
    await waitForSeedState();
  });

  it('is offered on the forward reference; applying it renames the file on disk and clears the diagnostic', async () => {
    const original = readFileSync(mig(POLICIES).fsPath, 'utf8');
    await apply(await renameAction());
    assert.equal(existsSync(mig(RENAMED).fsPath), true, 'new name on disk');
    assert.equal(existsSync(mig(POLICIES).fsPath), false, 'old name gone from disk');
    assert.equal(readFileSync(mig(RENAMED).fsPath, 'utf8'), original, 'content unchanged');
    await fixedState();
  });

  it('keeps unsaved changes of the file it renames', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(mig(POLICIES)));
    // the editor's document (a document object from before the previous test's rename back may be stale)
    const doc = editor.document;
    const note = '-- unsaved note typed before the rename\n';
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), note)));
    await waitFor(() => doc.isDirty, 'the document has unsaved changes');
    const expected = doc.getText();
    await apply(await renameAction());
    await waitFor(() => existsSync(mig(RENAMED).fsPath) && !existsSync(mig(POLICIES).fsPath), 'renamed on disk');
    const renamed = await vscode.workspace.openTextDocument(mig(RENAMED));
    assert.equal(renamed.getText(), expected, 'the renamed document holds the unsaved text');
    assert.equal(vscode.workspace.textDocuments.some((d) => d.uri.toString() === mig(POLICIES).toString() && !d.isClosed && d.isDirty), false, 'no dirty document left at the old name');
    await fixedState();
  });

  it('renaming the open migration back and forth leaves no trace of the other name', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(mig(POLICIES)));
    await apply(await renameAction());
    await fixedState();
    const back = new vscode.WorkspaceEdit();
    back.renameFile(mig(RENAMED), mig(POLICIES), { overwrite: false });
    assert.equal(await vscode.workspace.applyEdit(back), true);
    await waitForSeedState();
  });
});
