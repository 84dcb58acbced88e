/**
 * Ignore directives: reading `-- supabase-migrations-disable-next-line code[, code]`, `-disable-line`
 * and `-disable-file` comments from a file.
 */
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
