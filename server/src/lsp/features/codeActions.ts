/**
 * textDocument/codeAction: the fixes computed with the findings (a lookup, not a re-analysis), plus a
 * "disable for this line" comment for every rule.
 */
import { CodeAction, CodeActionKind, CodeActionParams } from 'vscode-languageserver';
import { disableInsertion } from '../../engine/facts';
import type { Finding, Fix } from '../../engine/types';
import { printable } from '../../printable';

type RenameFileFix = Extract<Fix, { kind: 'rename-file' }>;
import { fixToCodeAction, fixToWorkspaceEdit, newMigrationToWorkspaceEdit, pathToUri, renamesToWorkspaceEdit, toDiagnostic, uriToPath } from '../adapters';
import type { WorkspaceIndex } from '../workspaceIndex';

function overlaps(f: Finding, params: CodeActionParams): boolean {
  const r = params.range;
  const s = f.range.start;
  const e = f.range.end;
  const before = e.line < r.start.line || (e.line === r.start.line && e.character < r.start.character);
  const after = s.line > r.end.line || (s.line === r.end.line && s.character > r.end.character);
  return !before && !after;
}

export function handleCodeActions(index: WorkspaceIndex, params: CodeActionParams): CodeAction[] {
  const file = uriToPath(params.textDocument.uri);
  const loc = file === undefined ? undefined : index.locate(file);
  if (!loc) return [];
  const only = params.context.only;
  if (only && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k))) return [];
  const versionOf = (uri: string) => {
    const p = uriToPath(uri);
    return p === undefined ? null : index.versionOf(p);
  };
  const findings = loc.analysis.findings.filter((f) => f.file === file && overlaps(f, params));
  const actions: CodeAction[] = [];
  for (const f of findings) {
    // out-of-order: the branch's early migrations move together (renaming only some can break their order)
    const group = f.code === 'out-of-order' && f.renames && f.renames.length > 1 ? restampGroup(f, f.renames) : undefined;
    if (group) actions.push(group);
    else for (const fix of f.fixes) actions.push(fixToCodeAction(fix, f, versionOf));
    if (f.newMigration) actions.push({ title: printable(f.newMigration.title), kind: CodeActionKind.QuickFix, diagnostics: [toDiagnostic(f)], isPreferred: true, edit: newMigrationToWorkspaceEdit(f.newMigration, versionOf) });
  }
  if (findings.some((f) => f.code !== 'out-of-order' && f.fixes.some((x) => x.kind === 'rename-file'))) {
    const all = restampAll(loc.analysis.findings.filter((f) => f.code !== 'out-of-order'));
    if (all) actions.push(all);
  }
  // (a file outside the analysed migrations has no directives)
  if (loc.index >= 0) for (const f of findings) actions.push(disableAction(f, index, params.textDocument.uri));
  return actions;
}

function disableAction(f: Finding, index: WorkspaceIndex, uri: string): CodeAction {
  const loc = index.locate(f.file)!;
  // the comment and the line it goes before are the engine's; here they become an LSP edit
  const { scope, line, text } = disableInsertion(f, loc.analysis.facts[loc.index].lineIndex);
  return {
    title: scope === 'file' ? `Disable ${f.code} for this file` : `Disable ${f.code} for this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [toDiagnostic(f)],
    edit: { documentChanges: [{ textDocument: { uri: pathToUri(f.file) === uri ? uri : pathToUri(f.file), version: index.versionOf(f.file) }, edits: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: text }] }] },
  };
}

/** out-of-order with several files: one action renames all of them (the engine planned them together). */
function restampGroup(f: Finding, renames: readonly { from: string; to: string }[]): CodeAction {
  return {
    title: `Re-stamp this branch's ${renames.length} out-of-order migrations after the base's newest (keeping their order)`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [toDiagnostic(f)],
    isPreferred: true,
    edit: renamesToWorkspaceEdit(renames),
  };
}

/**
 * "Re-stamp all": every migration of the folder that runs too early, renamed in one edit. The plans were
 * computed together (no two choose one version), so the renames never collide; none overwrites a file.
 */
function restampAll(findings: readonly Finding[]): CodeAction | undefined {
  const renames = new Map<string, RenameFileFix>();
  for (const f of findings) for (const x of f.fixes) if (x.kind === 'rename-file') renames.set(x.from, x);
  if (renames.size < 2) return undefined;
  const fixes = [...renames.values()];
  return {
    title: `Re-stamp all ${fixes.length} migrations that run before what they use`,
    kind: CodeActionKind.QuickFix,
    edit: { documentChanges: fixes.flatMap((x) => fixToWorkspaceEdit(x, () => null).documentChanges ?? []) },
  };
}
