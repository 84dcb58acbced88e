/** Shared helpers of the in-editor suite: the example workspace, the extension's API, polling. */
import assert from 'node:assert/strict';
import path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../client/src/extension';

export const EXTENSION_ID = 'supabase-migrations.supabase-migrations';
export const INITIAL = '20251201000000_initial_schema.sql';
export const POLICIES = '20251229000000_tenant_llm_policies.sql';
export const RENAMED = '20260105000003_tenant_llm_policies.sql';
export const TENANTS = '20260105000000_multi_tenant_user_model.sql';
export const MEMBERS = '20260105000001_tenant_member_policies.sql';
export const VIEW = '20260105000002_tenant_overview_view.sql';
export const ORDER = [INITIAL, POLICIES, TENANTS, MEMBERS, VIEW];

/** The copy of examples/seed that the driver opened. */
export function root(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'a workspace folder is open (the driver opens a copy of examples/seed)');
  return f.uri;
}

export function mig(name: string): vscode.Uri {
  return vscode.Uri.joinPath(root(), 'supabase', 'migrations', name);
}

export async function api(): Promise<ExtensionApi> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  const exports = await ext.activate();
  await exports.ready;
  return exports;
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code ? String(d.code.value) : String(d.code ?? '');
}

export function codes(uri: vscode.Uri): string[] {
  return vscode.languages.getDiagnostics(uri).map(codeOf).sort();
}

export async function waitFor(cond: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await cond()) return;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Every URI with diagnostics, and the migrations the server sees: for failure messages. */
export async function describeState(): Promise<string> {
  const diags = vscode.languages
    .getDiagnostics()
    .filter(([, ds]) => ds.length)
    .map(([u, ds]) => `${base(u)}: ${ds.map(codeOf).join(',')}`);
  let nodes = '?';
  try {
    const g = (await (await api()).client.sendRequest('supabaseMigrations/dependencyGraph', {})) as { folders: { nodes: { name: string }[] }[] };
    nodes = g.folders.flatMap((f) => f.nodes.map((n) => n.name)).join(', ');
  } catch (e) {
    nodes = String(e);
  }
  const docs = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'file').map((d) => `${base(d.uri)}${d.isDirty ? ' (dirty)' : ''}`);
  return `diagnostics {${diags.join('; ')}}; server's migrations [${nodes}]; open documents [${docs.join(', ')}]`;
}

/** Waits until diagnostics of the example are in their initial state (forward, unknown, FK). */
export async function waitForSeedState(timeoutMs = 30_000): Promise<void> {
  try {
    await waitFor(
      () => codes(mig(POLICIES)).join() === 'forward-reference,missing-foreign-key' && codes(mig(VIEW)).join() === 'unknown-reference' && codes(mig(RENAMED)).length === 0,
      'the initial diagnostics of the example',
      timeoutMs,
    );
  } catch (e) {
    throw new Error(`${(e as Error).message}: ${await describeState()}`);
  }
}

/** 0-based position of the n-th occurrence of `needle` in `text`. */
export function posOf(text: string, needle: string, occurrence = 1): vscode.Position {
  let idx = -1;
  for (let i = 0; i < occurrence; i++) {
    idx = text.indexOf(needle, idx + 1);
    if (idx < 0) throw new Error(`${needle} (#${occurrence}) not found`);
  }
  const before = text.slice(0, idx);
  return new vscode.Position(before.split('\n').length - 1, idx - before.lastIndexOf('\n') - 1);
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}

export function base(uri: vscode.Uri): string {
  return path.posix.basename(uri.path);
}

/** Closes every editor without saving (reverting unsaved changes). */
export async function closeAllEditors(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isDirty) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
