import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TreeNode } from '../../../client/src/dependencyTree';
import { api, closeAllEditors, MEMBERS, mig, ORDER, POLICIES, TENANTS, waitFor, waitForSeedState } from './helpers';

const label = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : item.label?.label ?? '');

describe('Migration Dependencies tree', () => {
  before(async () => {
    await api();
    await waitForSeedState();
  });

  it('lists the 5 migrations in apply order, with their problem counts', async () => {
    const { tree } = await api();
    tree.refresh();
    const top = await tree.getChildren();
    assert.deepEqual(top.map((n) => n.type), ['migration', 'migration', 'migration', 'migration', 'migration']);
    assert.deepEqual(top.map((n) => label(tree.getTreeItem(n))), ORDER);
    const policies = tree.getTreeItem(top[1]);
    assert.equal(policies.resourceUri?.toString(), mig(POLICIES).toString());
    assert.equal(policies.description, '#2 · 1 error · 1 warning');
    assert.equal(policies.contextValue, 'migration');
  });

  it('the policies migration has a forward edge to the tenants migration, for copilot_internal.tenants', async () => {
    const { tree } = await api();
    const top = await tree.getChildren();
    const policies = top[1];
    const edges = (await tree.getChildren(policies)).filter((n): n is Extract<TreeNode, { type: 'edge' }> => n.type === 'edge');
    const forward = edges.filter((e) => e.edge.forward);
    assert.equal(forward.length, 1);
    const item = tree.getTreeItem(forward[0]);
    assert.equal(label(item), TENANTS);
    assert.match(String(item.description), /created later!/);
    assert.equal(forward[0].direction, 'uses');
    const objects = await tree.getChildren(forward[0]);
    assert.deepEqual(objects.map((o) => label(tree.getTreeItem(o))), ['copilot_internal.tenants']);
    // clicking the object opens where the table is created
    const cmd = tree.getTreeItem(objects[0]).command;
    assert.equal((cmd?.arguments?.[0] as vscode.Uri).toString(), mig(TENANTS).toString());
    // and the tenants migration lists the policies migration under "Used by"
    const tenants = top[2];
    const group = (await tree.getChildren(tenants)).find((n) => n.type === 'group');
    assert.ok(group, 'Used by group');
    const usedBy = await tree.getChildren(group);
    assert.ok(usedBy.some((n) => label(tree.getTreeItem(n)) === POLICIES));
  });

  it('refreshes by itself after typing changes the graph (without a manual refresh)', async () => {
    const { tree } = await api();
    const errorsOf = async () => {
      const n = (await tree.getChildren()).find((x) => x.type === 'migration' && x.node.name === MEMBERS);
      return n?.type === 'migration' ? n.node.errors : -1;
    };
    tree.refresh();
    const before = await errorsOf();
    let refreshes = 0;
    const sub = tree.onDidChangeTreeData(() => refreshes++);
    const doc = await vscode.workspace.openTextDocument(mig(MEMBERS));
    const editor = await vscode.window.showTextDocument(doc);
    try {
      // typed key by key, unsaved: an unknown table (one more error in this migration)
      for (const ch of '\nselect * from public.nope_tree;') {
        const end = doc.lineAt(doc.lineCount - 1).range.end;
        await editor.edit((e) => e.insert(end, ch));
      }
      await waitFor(async () => (await errorsOf()) === before + 1, 'the tree shows the new error on its own');
      assert.ok(refreshes >= 1);
    } finally {
      sub.dispose();
      await closeAllEditors();
      await waitForSeedState();
    }
  });

  it('the view contributes to the Supabase Migrations container and can be shown', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.supabaseMigrations');
    await vscode.commands.executeCommand('supabaseMigrations.dependencies.focus');
  });
});
