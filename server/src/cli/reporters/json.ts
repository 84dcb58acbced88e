/**
 * `--format json`: one object with migrations and diagnostics (0-based line/character, UTF-16). Strings are
 * as found (file names, messages); the characters JSON would leave raw that a terminal or editor acts on are
 * `\u` escapes (../../printable `printableJson`), so the output holds no control character.
 */
import type { Finding } from '../../engine/types';
import { grammarFor } from '../../engine/parser';
import { isFileSource } from '../../host/supabaseConfig';
import { printableJson } from '../../printable';
import type { ReportInput } from './report';

export function jsonDiagnostic(f: Finding, displayPath: (p: string) => string) {
  const range = { start: f.range.start, end: f.range.end };
  return {
    file: displayPath(f.file),
    range,
    severity: f.severity,
    code: f.code,
    message: f.message,
    related: f.related.map((r) => ({ file: displayPath(r.file), range: { start: r.range.start, end: r.range.end }, message: r.message })),
    ...((f.code === 'forward-reference' || f.code === 'out-of-order') && f.rename
      ? { rename: f.rename.to ? { from: f.rename.from, to: f.rename.to, after: f.rename.after } : { from: f.rename.from, to: null, reason: f.rename.reason } }
      : {}),
    // out-of-order: the whole re-stamp (every out-of-order file, renamed together); edited-applied: the new migration
    ...(f.renames ? { renames: f.renames.map((r) => ({ from: displayPath(r.from), to: displayPath(r.to) })) } : {}),
    ...(f.newMigration
      ? { newMigration: { title: f.newMigration.title, from: displayPath(f.newMigration.from), to: displayPath(f.newMigration.to), text: f.newMigration.text, revert: f.newMigration.revert.map((e) => ({ range: { start: e.range.start, end: e.range.end }, newText: e.newText })) } }
      : {}),
    fixes: f.fixes.map((x) =>
      x.kind === 'rename-file'
        ? { kind: x.kind, title: x.title, from: displayPath(x.from), to: displayPath(x.to) }
        : { kind: x.kind, title: x.title, file: displayPath(x.file), edits: x.edits.map((e) => ({ range: { start: e.range.start, end: e.range.end }, newText: e.newText })) },
    ),
  };
}

export function formatJson(input: ReportInput): string {
  const migrations = input.analyses.flatMap((a) => a.migrations.map((m) => ({ file: input.displayPath(m.path), version: m.version, name: m.name })));
  const skipped = input.analyses.flatMap((a) => a.skipped.map((s) => ({ file: input.displayPath(a.folder + '/' + s.name), reason: s.reason })));
  const diagnostics = input.analyses.flatMap((a) => a.findings.map((f) => jsonDiagnostic(f, input.displayPath)));
  const p = input.postgres;
  // the PostgreSQL major version assumed, the grammar parsed with, and what said so ("default", "--pg-version" or a file)
  const postgres = p && { version: p.version, grammar: grammarFor(p.version), source: isFileSource(p.source) ? input.displayPath(p.source) : p.source, ...(p.ignored ? { ignored: { file: input.displayPath(p.ignored.file), reason: p.ignored.reason } } : {}) };
  // what the folder was compared with (check --base / --applied): its label, e.g. origin/main@abc1234
  const base = input.analyses.find((a) => a.config.baseline)?.config.baseline?.label;
  return printableJson(JSON.stringify({ version: input.toolVersion, ...(postgres ? { postgres } : {}), ...(base ? { base } : {}), migrations, skipped, diagnostics }, null, 2)) + '\n';
}
