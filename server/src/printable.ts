/**
 * User text made safe to print. File names, quoted identifiers, SQL comments and the messages built from them
 * can hold any character; printed raw, an ESC or BEL drives the terminal (clears it, retitles it), a CR or LF
 * starts a line that a CI runner reads as a workflow command (`::error …`), a bidi control (U+202E) reorders
 * what the reader sees. Every front end prints user text through this module: the CLI's reports (text, code
 * frames, github, json, sarif, verify's, graph) and error messages, and the language server's hover,
 * diagnostics and quick fix titles. Pure: no project imports (test/unit/architecture.test.ts).
 */

/**
 * The characters never printed as they are: C0 controls (tab, LF and CR included), DEL, C1 controls, the line
 * and paragraph separators (U+2028, U+2029), and the bidi controls (ALM U+061C, LRM/RLM U+200E–U+200F, the
 * embeddings and overrides U+202A–U+202E, the isolates U+2066–U+2069).
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One character as an escape: `\t`, `\n`, `\r`; `\x1b` up to U+00FF; `\u202e` above. */
function escapeChar(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `s` with every unprintable character shown as its escape (`a\x1b]0;x\x07b`, `x\n::error`): always one line. */
export function printable(s: string): string {
  return s.replace(UNPRINTABLE, escapeChar);
}

/**
 * One line of a plain-text report that a CI log may show (the text format runs in GitHub Actions and Azure
 * Pipelines too): a line starting with `::` (after blanks, or our colours) is a GitHub workflow command, and
 * `##[command]`, `##vso[…]` and `##teamcity[…]` are commands anywhere in a line. One character of each is
 * shown escaped (`\x3a:error`, `#\x23[error]`), so the runner reads plain text. The line must already be
 * `printable` (one line).
 */
export function logLine(line: string): string {
  return line.replace(/^((?:\s|\u001b\[[0-9;]*m)*):(?=:)/, '$1\\x3a').replace(/(?<=#)#(?=[A-Za-z]*\[)/g, '\\x23');
}

/** What `JSON.stringify` leaves raw of them (it escapes C0 in strings; the C0 outside strings is its own layout). */
const UNPRINTABLE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** JSON text (from `JSON.stringify`) with the unprintable characters it leaves raw (DEL, C1, U+2028/9, bidi) as `\uXXXX`: the same JSON value. */
export function printableJson(json: string): string {
  return json.replace(UNPRINTABLE_IN_JSON, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Code frames cut longer source lines to this many columns (`…` where text was cut). */
export const SOURCE_LINE_WIDTH = 200;
/** How many columns a cut line shows before the range it underlines. */
const CONTEXT_BEFORE = 40;

/** A source line as a code frame shows it, and where the underlined range is in it. */
export interface SourceExcerpt {
  text: string;
  /** Column of the range's start in `text` (0-based). */
  caret: number;
  /** Columns to underline (at least 1). */
  caretWidth: number;
}

/**
 * The part of a source line a code frame shows, underlining the range [start, end) (0-based UTF-16 columns of
 * `line`; `end` past the line's end underlines to its end): tabs as one space, the other unprintable
 * characters escaped, and a line wider than `width` columns cut around the range, `…` marking each cut.
 */
export function sourceExcerpt(line: string, start: number, end: number, width = SOURCE_LINE_WIDTH): SourceExcerpt {
  // every code unit shows as at least one column, so no more than `width` code units on either side of the range can show
  const lo = surrogateStart(line, Math.max(0, Math.min(start, line.length) - width));
  const hi = surrogateStart(line, Math.min(line.length, Math.max(start, end) + width));
  const pieces: string[] = [];
  const at: number[] = []; // at[i]: the column where code unit lo + i starts
  let col = 0;
  for (let i = lo; i < hi; ) {
    const c = line.codePointAt(i)!;
    const n = c > 0xffff ? 2 : 1;
    const ch = line.slice(i, i + n);
    const shown = ch === '\t' ? ' ' : printable(ch);
    for (let k = 0; k < n; k++) at.push(col);
    pieces.push(shown);
    col += shown.length;
    i += n;
  }
  at.push(col);
  const total = col;
  const column = (c: number) => (c <= lo ? 0 : c <= hi ? at[c - lo] : total + (c - hi));
  const from0 = column(start);
  const to0 = column(Math.min(end, hi));
  if (lo === 0 && hi === line.length && total <= width) return { text: pieces.join(''), caret: from0, caretWidth: Math.max(1, to0 - from0) };

  // the window [from, to) of the columns shown, on piece boundaries
  const bounds = at.filter((c, i) => i === 0 || c !== at[i - 1]);
  const down = (c: number) => {
    let b = 0;
    for (const x of bounds) if (x <= c) b = x;
    return b;
  };
  let from = lo === 0 && from0 <= width - 1 - CONTEXT_BEFORE ? 0 : from0 - CONTEXT_BEFORE;
  if (hi === line.length) from = Math.min(from, total - (width - 1));
  from = down(Math.max(0, from));
  const prefix = lo > 0 || from > 0 ? '…' : '';
  let to = from + width - prefix.length;
  const suffix = hi < line.length || to < total ? '…' : '';
  if (suffix) to = down(to - 1);
  else to = total;
  let text = prefix;
  for (let i = 0, c = 0; i < pieces.length; c += pieces[i].length, i++) if (c >= from && c < to) text += pieces[i];
  text += suffix;
  return { text, caret: prefix.length + from0 - from, caretWidth: Math.max(1, Math.min(to0, to) - from0) };
}

/** `i`, moved back one code unit if it falls inside a surrogate pair. */
function surrogateStart(s: string, i: number): number {
  return i > 0 && i < s.length && /[\udc00-\udfff]/.test(s[i]) && /[\ud800-\udbff]/.test(s[i - 1]) ? i - 1 : i;
}

/**
 * Text for Markdown (hover): unprintable characters escaped, then a backslash before each character that
 * could make a link, an autolink, HTML, an entity, a code span, emphasis or a table cell (`[ ] < > & \` * ~ |
 * : @ \\`, `_` unless inside a word, the dot of `www.`), so the text renders exactly as written.
 */
export function markdownText(s: string): string {
  return printable(s)
    .replace(/[\\`*~[\]<>&|:@]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '\\$&')
    .replace(/\b(www)\./gi, '$1\\.');
}

/**
 * A Markdown code span holding `s` as written: unprintable characters escaped, fenced by more backticks than
 * any run in it. `inTable`: inside a table cell, where a `|` must be escaped even in a code span.
 */
export function markdownCode(s: string, inTable = false): string {
  let text = printable(s);
  if (inTable) text = text.replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A URI as a Markdown link destination: the characters that could end it or start another link percent-encoded. */
export function markdownLinkTarget(uri: string): string {
  return uri.replace(/[()[\]<>"'`\\\s]/g, (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}
