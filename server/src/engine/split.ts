/**
 * Split a migration into statements and parse them, with recovery: one bad statement does not hide the
 * rest of the file. Fast path: the whole file parses at once. Otherwise the file is cut at top-level
 * semicolons found by Postgres' own scanner (strings, dollar quotes, comments and BEGIN ATOMIC bodies
 * are respected) and every piece is parsed on its own.
 */
import { codePointToByte } from './positions';
import { activeGrammar, Node, ParseError, parseSql, scanSql, Token } from './parser';

export interface ParsedStatement {
  stmt: Node;
  /** Byte range in the file (first token to last token, without the semicolon). */
  start: number;
  end: number;
  /** Byte offset in the file that locations inside `stmt` are relative to. */
  base: number;
}

export interface SyntaxProblem {
  start: number;
  end: number;
  message: string;
}

export interface SplitResult {
  statements: ParsedStatement[];
  errors: SyntaxProblem[];
}

/** Files larger than this are parsed in groups of statements, to keep the parser's JSON small. */
const GROUP_CHARS = 128 * 1024;

export function splitAndParse(text: string, bytes: Uint8Array): SplitResult {
  const statements: ParsedStatement[] = [];
  const errors = forEachStatement(text, bytes, (s) => statements.push(s));
  return { statements, errors };
}

/**
 * Parse the file and hand each statement to `visit`, in order; returns the syntax errors. A large file is
 * parsed group by group, so only one group's syntax trees are alive at a time (the caller keeps what it
 * extracts, not the trees).
 */
export function forEachStatement(text: string, bytes: Uint8Array, visit: (s: ParsedStatement) => void): SyntaxProblem[] {
  if (text.length <= GROUP_CHARS * 2) {
    const r = parseWhole(text, bytes);
    for (const st of r.statements) visit(st);
    return r.errors;
  }
  const errors: SyntaxProblem[] = [];
  let byteBase = 0;
  for (const group of statementGroups(text, GROUP_CHARS)) {
    const groupBytes = Buffer.from(group, 'utf8');
    const r = parseWhole(group, groupBytes);
    for (const st of r.statements) visit({ stmt: st.stmt, start: st.start + byteBase, end: st.end + byteBase, base: st.base + byteBase });
    for (const e of r.errors) errors.push({ start: e.start + byteBase, end: e.end + byteBase, message: e.message });
    byteBase += groupBytes.length;
  }
  return errors;
}

function parseWhole(text: string, bytes: Uint8Array): SplitResult {
  try {
    return { statements: toStatements(parseSql(text), 0, bytes.length), errors: [] };
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
  }
  return recover(text, bytes);
}

/**
 * Cut a large text into groups of whole statements (about `size` characters each) with a quick scan for
 * top-level semicolons outside strings, quoted identifiers, dollar quotes and comments. Only used to
 * bound the parser's work: a wrong cut just sends that group through the scanner-based recovery.
 */
export function statementGroups(text: string, size: number): string[] {
  const groups: string[] = [];
  let start = 0;
  let depth = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x2d && text.charCodeAt(i + 1) === 0x2d) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? n : nl + 1;
      continue;
    }
    if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a) {
      let level = 1;
      i += 2;
      while (i < n && level > 0) {
        if (text.charCodeAt(i) === 0x2f && text.charCodeAt(i + 1) === 0x2a) (level++, (i += 2));
        else if (text.charCodeAt(i) === 0x2a && text.charCodeAt(i + 1) === 0x2f) (level--, (i += 2));
        else i++;
      }
      continue;
    }
    if (c === 0x27 || c === 0x22) {
      const backslash = c === 0x27 && (text[i - 1] === 'E' || text[i - 1] === 'e');
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (backslash && d === 0x5c) i += 2;
        else if (d === c) {
          if (text.charCodeAt(i + 1) === c) i += 2;
          else break;
        } else i++;
      }
      i++;
      continue;
    }
    if (c === 0x24) {
      const m = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text.slice(i, i + 64));
      const prev = text.charCodeAt(i - 1);
      if (m && !(prev >= 0x30 && prev <= 0x39) && !(prev >= 0x41 && prev <= 0x5a) && !(prev >= 0x61 && prev <= 0x7a) && prev !== 0x5f) {
        const close = text.indexOf(m[0], i + m[0].length);
        i = close < 0 ? n : close + m[0].length;
        continue;
      }
    }
    if (c === 0x28) depth++;
    else if (c === 0x29) depth = Math.max(0, depth - 1);
    else if (c === 0x3b && depth === 0 && i + 1 - start >= size) {
      groups.push(text.slice(start, i + 1));
      start = i + 1;
    }
    i++;
  }
  if (start < n) groups.push(text.slice(start));
  return groups;
}

function toStatements(raw: ReturnType<typeof parseSql>, base: number, limit: number): ParsedStatement[] {
  return raw.map((r) => {
    const start = base + r.location;
    const end = r.length > 0 ? base + r.location + r.length : limit;
    return { stmt: r.stmt, start, end, base };
  });
}

const decoder = new TextDecoder();

function slice(bytes: Uint8Array, start: number, end: number): string {
  return decoder.decode(bytes.subarray(start, end));
}

function recover(text: string, bytes: Uint8Array): SplitResult {
  const statements: ParsedStatement[] = [];
  const errors: SyntaxProblem[] = [];
  let tokens: Token[];
  let tailError: SyntaxProblem | undefined;
  try {
    tokens = scanSql(text);
  } catch (e) {
    // An unterminated string, dollar quote or comment: everything from it to the end is one error.
    const cursor = e instanceof ParseError && e.cursor >= 0 ? codePointToByte(text, e.cursor) : 0;
    tailError = { start: cursor, end: bytes.length, message: (e as Error).message };
    tokens = cursor > 0 ? safeScan(slice(bytes, 0, cursor)) : [];
  }
  const all = [...chunks(tokens)];
  for (const chunk of all) {
    // The piece cut off by an unterminated literal is reported once, as the tail error.
    if (tailError && chunk === all[all.length - 1] && tokens[chunk.last]?.kind !== 'semicolon') break;
    const chunkText = slice(bytes, chunk.start, chunk.end);
    try {
      statements.push(...toStatements(parseSql(chunkText), chunk.start, chunk.end));
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      errors.push(locateError(e, chunkText, chunk, tokens));
    }
  }
  if (tailError) errors.push(tailError);
  return { statements, errors };
}

function safeScan(text: string): Token[] {
  try {
    return scanSql(text);
  } catch {
    return [];
  }
}

/** One statement's tokens: byte range in the text, first and last token index (the semicolon included). */
export interface Chunk {
  start: number;
  end: number;
  first: number;
  last: number;
}

/**
 * Token runs between top-level semicolons (the semicolon included), comments excluded at the edges
 * (BEGIN ATOMIC bodies and parentheses kept whole): the statements of a scanned text.
 */
export function* chunks(tokens: Token[]): Generator<Chunk> {
  let first = -1;
  let depth = 0;
  let atomic = 0;
  let caseDepth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'comment') continue;
    if (first < 0) first = i;
    if (t.kind === 'open') depth++;
    else if (t.kind === 'close') depth = Math.max(0, depth - 1);
    else if (t.word === 'atomic' && i > 0 && prevWord(tokens, i) === 'begin') atomic++;
    else if (atomic > 0 && t.word === 'case') caseDepth++;
    else if (atomic > 0 && t.word === 'end') {
      if (caseDepth > 0) caseDepth--;
      else atomic--;
    }
    if (t.kind === 'semicolon' && depth === 0 && atomic === 0) {
      yield { start: tokens[first].start, end: t.end, first, last: i };
      first = -1;
    }
  }
  if (first >= 0) {
    let last = tokens.length - 1;
    while (last > first && tokens[last].kind === 'comment') last--;
    yield { start: tokens[first].start, end: tokens[last].end, first, last };
  }
}

function prevWord(tokens: Token[], i: number): string | undefined {
  for (let j = i - 1; j >= 0; j--) if (tokens[j].kind !== 'comment') return tokens[j].word;
  return undefined;
}

/** The parser's message, naming the grammar that rejected the statement (it depends on the project's version). */
function grammarMessage(e: ParseError): string {
  return `${e.message} (PostgreSQL ${activeGrammar()} grammar)`;
}

function locateError(e: ParseError, chunkText: string, chunk: Chunk, tokens: Token[]): SyntaxProblem {
  const message = grammarMessage(e);
  if (e.cursor < 0) return { start: chunk.start, end: chunk.end, message };
  const at = chunk.start + codePointToByte(chunkText, e.cursor);
  // The error is reported at a token: underline that token (or the end of the statement).
  for (let i = chunk.first; i <= chunk.last; i++) {
    const t = tokens[i];
    if (t.start <= at && at < t.end) return { start: t.start, end: t.end, message };
    if (t.start > at) return { start: t.start, end: t.end, message };
  }
  const lastTok = tokens[chunk.last];
  return { start: lastTok.start, end: lastTok.end, message };
}
