/**
 * Ignore directives, both ways: reading `-- supabase-migrations-disable-next-line code[, code]`,
 * `-disable-line` and `-disable-file` comments from a file, and writing the comment a "disable" quick
 * fix inserts (its text and the line it goes before; the LSP turns that into a workspace edit).
 */
import type { LineIndex, SourceRange } from '../positions';
import type { Directive } from './model';

const PREFIX = 'supabase-migrations-disable';
const DIRECTIVE = /--\s*supabase-migrations-disable(-next-line|-line|-file)?\b([^\n]*)/g;

/** `-- supabase-migrations-disable-next-line code[, code]`, `-disable-line`, `-disable-file`. */
export function readDirectives(text: string): Directive[] {
  const out: Directive[] = [];
  if (!text.includes(PREFIX)) return out;
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, i) => {
    for (const m of line.matchAll(DIRECTIVE)) {
      const codes = m[2].split(/[\s,]+/).map((c) => c.trim()).filter((c) => /^[a-z-]+$/.test(c));
      const kind = m[1] ?? '-file';
      out.push({ line: kind === '-file' ? 'file' : kind === '-line' ? i : i + 1, codes });
    }
  });
  return out;
}

/** The comment a "disable" quick fix inserts: `text` goes at the start of 0-based `line`, before what is there. */
export interface DisableInsertion {
  /** `file` for a finding about the whole file, else `line`: the directive covers only the finding's line. */
  scope: 'line' | 'file';
  line: number;
  text: string;
}

/**
 * How to disable finding `f` in its file: findings about the whole file (file names, versions: an
 * empty range at byte 0, except syntax errors) get a `-disable-file` comment on the first line; the
 * others a `-disable-next-line` comment above their first line, with that line's indentation.
 */
export function disableInsertion(f: { code: string; range: SourceRange }, lines: LineIndex): DisableInsertion {
  if (f.range.startByte === 0 && f.range.endByte === 0 && f.code !== 'syntax-error') {
    return { scope: 'file', line: 0, text: `-- ${PREFIX}-file ${f.code}\n` };
  }
  const line = f.range.start.line;
  const indent = /^\s*/.exec(lines.lineText(line))?.[0] ?? '';
  return { scope: 'line', line, text: `${indent}-- ${PREFIX}-next-line ${f.code}\n` };
}
