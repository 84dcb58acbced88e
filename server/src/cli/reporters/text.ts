/**
 * Compiler-style output: file:line:col, code, message, the source line with the range underlined. User text
 * (file names, messages, source lines) is printed through ../../printable: escaped, one line per item, source
 * lines cut to a width, and no line a CI runner would take for a workflow command.
 */
import type { Finding } from '../../engine/types';
import { logLine, printable, sourceExcerpt } from '../../printable';
import { countBySeverity, describePostgres, ReportInput } from './report';

export function formatText(input: ReportInput, lineText: (file: string, line: number) => string): string {
  const c = input.color;
  const paint = (code: string, s: string) => (c ? `\u001b[${code}m${s}\u001b[0m` : s);
  const out: string[] = [];
  for (const a of input.analyses) {
    for (const f of a.findings) out.push(formatFinding(f, input, lineText, paint));
  }
  const { errors, warnings, infos } = countBySeverity(input);
  const migrations = input.analyses.reduce((n, a) => n + a.migrations.length, 0);
  const skipped = input.analyses.reduce((n, a) => n + a.skipped.length, 0);
  const parts = [`${errors} error${errors === 1 ? '' : 's'}`, `${warnings} warning${warnings === 1 ? '' : 's'}`];
  if (infos) parts.push(`${infos} info`);
  const base = input.analyses.find((a) => a.config.baseline)?.config.baseline?.label;
  const assumed = (input.postgres ? `, ${describePostgres(input.postgres, input.displayPath)}` : '') + (base ? `, compared with ${printable(base)}` : '');
  const summary = `${parts.join(', ')} in ${migrations} migration${migrations === 1 ? '' : 's'}${skipped ? ` (${skipped} file${skipped === 1 ? '' : 's'} skipped by the Supabase CLI)` : ''}${assumed}`;
  out.push(errors ? paint('1;31', summary) : warnings ? paint('1;33', summary) : paint('1;32', summary));
  return out.join('\n').split('\n').map(logLine).join('\n') + '\n';
}

function formatFinding(f: Finding, input: ReportInput, lineText: (file: string, line: number) => string, paint: (c: string, s: string) => string): string {
  const sevColor = f.severity === 'error' ? '1;31' : f.severity === 'warning' ? '1;33' : '1;36';
  const where = (file: string, at: Finding['range']['start']) => `${printable(input.displayPath(file))}:${at.line + 1}:${at.character + 1}`;
  const head = `${paint('1', where(f.file, f.range.start))}: ${paint(sevColor, f.severity)} ${paint('2', f.code)}: ${printable(f.message)}`;
  const lines = [head];
  const src = lineText(f.file, f.range.start.line);
  if (src !== '' && !(f.range.start.line === 0 && f.range.end.line === 0 && f.range.startByte === f.range.endByte && f.range.startByte === 0)) {
    const num = String(f.range.start.line + 1);
    const pad = ' '.repeat(num.length);
    const startCol = f.range.start.character;
    const endCol = f.range.end.line === f.range.start.line ? Math.max(f.range.end.character, startCol + 1) : src.length;
    const shown = sourceExcerpt(src, startCol, endCol);
    lines.push(`  ${num} | ${shown.text}`);
    lines.push(`  ${pad} | ${' '.repeat(Math.max(0, shown.caret))}${paint(sevColor, '^'.repeat(shown.caretWidth))}`);
  }
  for (const r of f.related) lines.push(`  ${paint('2', '=')} ${printable(r.message)}: ${where(r.file, r.range.start)}`);
  if (f.rename?.to) lines.push(`  ${paint('32', '= fix')}: rename ${printable(f.rename.from)} → ${printable(f.rename.to)}`);
  return lines.join('\n');
}
