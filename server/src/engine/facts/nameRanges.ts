/**
 * Where a name is written: the source range of a (possibly qualified, possibly quoted) name at a
 * parser location, of a name the parser gives no location for (searched in the statement's text), of
 * the schema qualifier of a created object's name, and the end of a column's type. Byte scanning only:
 * nothing here adds facts.
 */
import { SourceRange, utf8Length } from '../positions';
import type { Extraction, Scope } from './extraction';

const decoder = new TextDecoder();

function isIdent(c: number | undefined): boolean {
  return c !== undefined && ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x24);
}

function isSpace(c: number | undefined): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** Range of a (possibly qualified, possibly quoted) name written at `loc` in the scope's fragment. */
export function nameRange(x: Extraction, scope: Scope, loc: number | undefined, fallbackLen = 0): SourceRange {
  if (loc == null || loc < 0) return x.current.range;
  const b = scope.bytes;
  let i = loc;
  const n = b.length;
  for (;;) {
    if (b[i] === 0x22) {
      i++;
      while (i < n && !(b[i] === 0x22 && b[i + 1] !== 0x22)) i += b[i] === 0x22 ? 2 : 1;
      i++;
    } else {
      const s = i;
      while (i < n && (isIdent(b[i]) || b[i] >= 0x80)) i++;
      if (i === s) break;
    }
    let j = i;
    while (j < n && isSpace(b[j])) j++;
    if (b[j] === 0x2e && (isIdent(b[j + 1]) || b[j + 1] === 0x22 || b[j + 1] >= 0x80)) {
      i = j + 1;
      continue;
    }
    break;
  }
  const end = i > loc ? i : loc + fallbackLen;
  return x.range(scope.base + loc, scope.base + end);
}

/** The current statement's text, decoded once (names without parser locations are searched in it). */
export function statementText(x: Extraction): { text: string; lower: string; ascii: boolean } {
  if (x.currentText?.stmt !== x.current) {
    const r = x.current.range;
    const text = decoder.decode(x.bytes.subarray(r.startByte, r.endByte));
    x.currentText = { stmt: x.current, text, lower: text.toLowerCase(), ascii: text.length === r.endByte - r.startByte };
  }
  return x.currentText;
}

/** Text of a byte range of the file: the current statement's is decoded once. */
export function textOf(x: Extraction, start: number, end: number): string {
  const r = x.current.range;
  if (start === r.startByte && end === r.endByte) return statementText(x).text;
  return decoder.decode(x.bytes.subarray(start, end));
}

/** Range of the first whole-word occurrence of `name` within the current statement (for nodes without a location). */
export function findName(x: Extraction, name: string, from?: number): SourceRange {
  const st = x.current.range;
  const { text, lower, ascii } = statementText(x);
  const toChar = (byte: number) => (ascii ? byte - st.startByte : decoder.decode(x.bytes.subarray(st.startByte, byte)).length);
  const toByte = (ch: number) => st.startByte + (ascii ? ch : utf8Length(text.slice(0, ch)));
  const fromChar = from === undefined || from <= st.startByte ? 0 : toChar(Math.min(from, st.endByte));
  const isWord = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x24 || c >= 0x80;
  let best = -1;
  let len = 0;
  const quoted = `"${name.replace(/"/g, '""')}"`;
  const q = text.indexOf(quoted, fromChar);
  if (q >= 0) {
    best = q;
    len = quoted.length;
  }
  const needle = name.toLowerCase();
  for (let i = lower.indexOf(needle, fromChar); i >= 0 && (best < 0 || i < best); i = lower.indexOf(needle, i + 1)) {
    if ((i > 0 && isWord(lower.charCodeAt(i - 1))) || isWord(lower.charCodeAt(i + needle.length))) continue;
    if (lower.charCodeAt(i - 1) === 0x22) continue; // inside a quoted name: the quoted search covers it
    best = i;
    len = needle.length;
    break;
  }
  if (best < 0) return st;
  const s = toByte(best);
  return x.range(s, s + utf8Length(text.slice(best, best + len)));
}

/** Byte offset right after the first whole-word `word` in the current statement (to search a name after it). */
export function afterKeyword(x: Extraction, word: string): number | undefined {
  const st = x.current.range;
  const { text } = statementText(x);
  const m = new RegExp(`\\b${word}\\b`, 'i').exec(text);
  return m ? st.startByte + utf8Length(text.slice(0, m.index + m[0].length)) : undefined;
}

/**
 * The first part of a name's range as written (`schema` of `schema.name`, unquoted) and the byte where
 * it ends; `qualified` says whether a dot follows it there.
 */
export function writtenQualifier(x: Extraction, range: SourceRange): { written: string; end: number; qualified: boolean } {
  const b = x.bytes;
  let i = range.startByte;
  let end: number;
  if (b[i] === 0x22) {
    i++;
    while (i < range.endByte && !(b[i] === 0x22 && b[i + 1] !== 0x22)) i += b[i] === 0x22 ? 2 : 1;
    end = i + 1;
  } else {
    while (i < range.endByte && b[i] !== 0x2e && b[i] !== 0x20) i++;
    end = i;
  }
  const written = decoder.decode(b.subarray(range.startByte, end)).replace(/^"|"$/g, '').replace(/""/g, '"');
  return { written, end, qualified: b[end] === 0x2e };
}

/**
 * Byte offset right after the type that follows `start` (a column's name) in the current statement:
 * identifiers, dots, quotes, parens with typmods, brackets, multi-word types.
 */
export function endOfType(x: Extraction, start: number): number {
  const b = x.bytes;
  let i = start;
  const end = x.current.range.endByte;
  while (i < end && isSpace(b[i])) i++;
  let last = i;
  let depth = 0;
  while (i < end) {
    const c = b[i];
    if (c === 0x28 || c === 0x5b) depth++;
    else if (c === 0x29 || c === 0x5d) {
      if (depth === 0) break;
      depth--;
    } else if (c === 0x2c && depth === 0) break;
    else if (depth === 0 && isSpace(c)) {
      // a multi-word type (double precision, timestamp with time zone, character varying)
      let j = i;
      while (j < end && isSpace(b[j])) j++;
      const rest = decoder.decode(b.subarray(j, Math.min(end, j + 40))).toLowerCase();
      if (/^(precision|varying|with time zone|without time zone|with|time|zone|\(|\[)/.test(rest)) {
        i = j;
        continue;
      }
      break;
    }
    i++;
    if (depth === 0) last = i;
  }
  return last;
}
