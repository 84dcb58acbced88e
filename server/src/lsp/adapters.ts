/**
 * The one place where engine data becomes LSP data: ranges, findings → diagnostics, fixes → workspace
 * edits, paths ↔ URIs. The engine already reports line/UTF-16 positions; byte offsets never leave here.
 * Text shown to the user (diagnostic and related messages, quick fix titles) is made printable here: control
 * characters and bidi overrides from file names and identifiers become escapes (../printable).
 */
import { pathToFileURL, fileURLToPath } from 'node:url';
import {
  CodeAction,
  CodeActionKind,
  Diagnostic,
  DiagnosticRelatedInformation,
  DiagnosticSeverity,
  DiagnosticTag,
  Range,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver';
import type { SourceRange } from '../engine/positions';
import type { Finding, Fix, NewMigrationFix, Severity } from '../engine/types';
import { printable } from '../printable';
import { ruleDocsUrl } from '../ruleRegistry';

/**
 * The local path of a `file:` URI; undefined for anything else (`untitled:`, remote schemes, a `file:` URI
 * with a host or a malformed one): such documents are not ours to analyse, and requests about them get
 * empty answers.
 */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The local paths of those URIs that are local files (the others are dropped). */
export function localPaths(uris: readonly string[]): string[] {
  const out: string[] = [];
  for (const u of uris) {
    const p = uriToPath(u);
    if (p !== undefined) out.push(p);
  }
  return out;
}

/** Paths' URIs, cached: every publish and graph request maps every file of a folder, and a path's URI never changes. */
const uris = new Map<string, string>();

export function pathToUri(p: string): string {
  let u = uris.get(p);
  if (u === undefined) {
    if (uris.size > 200_000) uris.clear();
    u = pathToFileURL(p).toString();
    uris.set(p, u);
  }
  return u;
}

/** Normalise a URI the way VS Code sends them (percent-encoding differences), for map keys. */
export function normalizeUri(uri: string): string {
  const p = uriToPath(uri);
  return p === undefined ? uri : pathToUri(p);
}

export function toRange(r: SourceRange | Range): Range {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(f: Finding): Diagnostic {
  const d: Diagnostic = {
    range: toRange(f.range),
    severity: SEVERITY[f.severity],
    code: f.code,
    codeDescription: { href: ruleDocsUrl(f.code) },
    source: 'supabase-migrations',
    message: printable(f.message),
  };
  if (f.related.length) d.relatedInformation = f.related.map((r): DiagnosticRelatedInformation => ({ location: { uri: pathToUri(r.file), range: toRange(r.range) }, message: printable(r.message) }));
  if (f.code === 'dropped-reference') d.tags = [DiagnosticTag.Deprecated];
  if (f.code === 'invalid-filename') d.tags = [DiagnosticTag.Unnecessary];
  if (f.rename) d.data = { rename: f.rename };
  return d;
}

/** Same finding? (code actions get diagnostics back from the client) */
export function sameDiagnostic(d: Diagnostic, f: Finding): boolean {
  return d.code === f.code && d.range.start.line === f.range.start.line && d.range.start.character === f.range.start.character && d.range.end.line === f.range.end.line && d.range.end.character === f.range.end.character;
}

export function fixToWorkspaceEdit(fix: Fix, versionOf: (uri: string) => number | null): WorkspaceEdit {
  if (fix.kind === 'rename-file') {
    return { documentChanges: [{ kind: 'rename', oldUri: pathToUri(fix.from), newUri: pathToUri(fix.to), options: { overwrite: false, ignoreIfExists: false } }] };
  }
  const uri = pathToUri(fix.file);
  const edits: TextEdit[] = fix.edits.map((e) => ({ range: toRange(e.range), newText: e.newText }));
  return { documentChanges: [{ textDocument: { uri, version: versionOf(uri) }, edits }] };
}

/** Several files renamed in one edit (a re-stamp of a group), none over an existing file. */
export function renamesToWorkspaceEdit(renames: readonly { from: string; to: string }[]): WorkspaceEdit {
  return { documentChanges: renames.map((r) => ({ kind: 'rename' as const, oldUri: pathToUri(r.from), newUri: pathToUri(r.to), options: { overwrite: false, ignoreIfExists: false } })) };
}

/**
 * An edited applied migration's added statements moved to a new migration: the new file created (never over
 * an existing one), its text inserted, and the statements taken out of the applied migration.
 */
export function newMigrationToWorkspaceEdit(fix: NewMigrationFix, versionOf: (uri: string) => number | null): WorkspaceEdit {
  const to = pathToUri(fix.to);
  const from = pathToUri(fix.from);
  return {
    documentChanges: [
      { kind: 'create', uri: to, options: { overwrite: false, ignoreIfExists: false } },
      { textDocument: { uri: to, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: fix.text }] },
      { textDocument: { uri: from, version: versionOf(from) }, edits: fix.revert.map((e) => ({ range: toRange(e.range), newText: e.newText })) },
    ],
  };
}

export function fixToCodeAction(fix: Fix, f: Finding, versionOf: (uri: string) => number | null): CodeAction {
  return {
    title: printable(fix.title),
    kind: CodeActionKind.QuickFix,
    diagnostics: [toDiagnostic(f)],
    isPreferred: fix.kind === 'rename-file' || f.code === 'missing-foreign-key' || f.fixes.length === 1,
    edit: fixToWorkspaceEdit(fix, versionOf),
  };
}
