/** Compiler-style output: file:line:col, code, message, the source line with the range underlined. */
import type { Finding } from '../../engine/types';
import { countBySeverity, ReportInput } from './report';

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
  const summary = `${parts.join(', ')} in ${migrations} migration${migrations === 1 ? '' : 's'}${skipped ? ` (${skipped} file${skipped === 1 ? '' : 's'} skipped by the Supabase CLI)` : ''}`;
  out.push(errors ? paint('1;31', summary) : warnings ? paint('1;33', summary) : paint('1;32', summary));
  return out.join('\n') + '\n';
}

function formatFinding(f: Finding, input: ReportInput, lineText: (file: string, line: number) => string, paint: (c: string, s: string) => string): string {
  const sevColor = f.severity === 'error' ? '1;31' : f.severity === 'warning' ? '1;33' : '1;36';
  const head = `${paint('1', `${input.displayPath(f.file)}:${f.range.start.line + 1}:${f.range.start.character + 1}`)}: ${paint(sevColor, f.severity)} ${paint('2', f.code)}: ${f.message}`;
  const lines = [head];
  const src = lineText(f.file, f.range.start.line);
  if (src !== '' && !(f.range.start.line === 0 && f.range.end.line === 0 && f.range.startByte === f.range.endByte && f.range.startByte === 0)) {
    const num = String(f.range.start.line + 1);
    const pad = ' '.repeat(num.length);
    const shown = src.replace(/\t/g, ' ');
    const startCol = f.range.start.character;
    const endCol = f.range.end.line === f.range.start.line ? Math.max(f.range.end.character, startCol + 1) : shown.length;
    const width = Math.max(1, Math.min(endCol, shown.length) - startCol);
    lines.push(`  ${num} | ${shown}`);
    lines.push(`  ${pad} | ${' '.repeat(Math.max(0, startCol))}${paint(sevColor, '^'.repeat(width))}`);
  }
  for (const r of f.related) lines.push(`  ${paint('2', '=')} ${r.message}: ${input.displayPath(r.file)}:${r.range.start.line + 1}:${r.range.start.character + 1}`);
  if (f.rename?.to) lines.push(`  ${paint('32', '= fix')}: rename ${f.rename.from} → ${f.rename.to}`);
  return lines.join('\n');
}
