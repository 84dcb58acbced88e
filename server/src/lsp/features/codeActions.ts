/**
 * textDocument/codeAction: the fixes computed with the findings (a lookup, not a re-analysis), plus a
 * "disable for this line" comment for every rule.
 */
import { CodeAction, CodeActionKind, CodeActionParams } from 'vscode-languageserver';
import type { Finding } from '../../engine/types';
import { fixToCodeAction, pathToUri, toDiagnostic, uriToPath } from '../adapters';
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
  for (const f of findings) for (const fix of f.fixes) actions.push(fixToCodeAction(fix, f, versionOf));
  for (const f of findings) {
    if (loc.index < 0 || f.range.startByte === 0 && f.range.endByte === 0 && f.code !== 'syntax-error') {
      // file-level findings (names, versions): a file-wide directive
      if (loc.index >= 0) actions.push(disableAction(f, 'file', index, params.textDocument.uri));
      continue;
    }
    actions.push(disableAction(f, 'line', index, params.textDocument.uri));
  }
  return actions;
}

function disableAction(f: Finding, scope: 'line' | 'file', index: WorkspaceIndex, uri: string): CodeAction {
  const loc = index.locate(f.file)!;
  const li = loc.analysis.facts[loc.index].lineIndex;
  const line = scope === 'file' ? 0 : f.range.start.line;
  const indent = scope === 'file' ? '' : (/^\s*/.exec(li.lineText(line))?.[0] ?? '');
  const comment = scope === 'file' ? `-- supabase-migrations-disable-file ${f.code}\n` : `${indent}-- supabase-migrations-disable-next-line ${f.code}\n`;
  return {
    title: scope === 'file' ? `Disable ${f.code} for this file` : `Disable ${f.code} for this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [toDiagnostic(f)],
    edit: { documentChanges: [{ textDocument: { uri: pathToUri(f.file) === uri ? uri : pathToUri(f.file), version: index.versionOf(f.file) }, edits: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: comment }] }] },
  };
}
