/**
 * The real Postgres parser (libpg_query compiled to WASM, npm `libpg-query`), behind one small module.
 * Why not `pg-query-emscripten`: see README "Design notes / parser". Everything here is synchronous once
 * `initParser()` has resolved. Inputs are JS strings; every location the parser returns is a UTF-8 byte
 * offset into that string, and error cursors are 0-based code-point offsets.
 */
import { setFlagsFromString } from 'node:v8';
import { BASELINE_ONLY_V8_FLAG, type WasmTier } from '../wasmTier';

// Loaded by `initParser`, not on import: the package starts compiling its WASM as soon as it is evaluated,
// and the compile tier must be chosen before that.
let pg: typeof import('libpg-query');

let ready: Promise<void> | undefined;
let loaded = false;
let chosenTier: WasmTier | undefined;

/**
 * Load the parser. The first call compiles it (a 1.7 MB WASM module) with `tier`: `optimizing` is V8's
 * default (baseline code first, hot functions recompiled by the optimizing compiler on background threads),
 * `baseline` never recompiles; which one pays depends on how much SQL the process parses, and the caller
 * decides (server/src/wasmTier.ts). Later calls return the same promise, whatever they pass.
 */
export function initParser(options: { tier?: WasmTier } = {}): Promise<void> {
  if (!ready) {
    chosenTier = options.tier ?? 'optimizing';
    // Must be set before the module is compiled; it applies to WASM compiled later in this process too
    // (there is none: verify's PGlite runs in its own process).
    if (chosenTier === 'baseline') setFlagsFromString(BASELINE_ONLY_V8_FLAG);
    ready = import('libpg-query')
      .then(async (m) => {
        await m.loadModule();
        pg = m;
        loaded = true;
      })
      .catch((e: unknown) => {
        ready = undefined; // the next call tries again (with the tier already set)
        throw e;
      });
  }
  return ready;
}

/** The tier the parser was compiled with (undefined before `initParser`). */
export function parserTier(): WasmTier | undefined {
  return chosenTier;
}

/** Whether `initParser` has resolved (parsing before would throw). */
export function parserLoaded(): boolean {
  return loaded;
}

/**
 * Calls into the parser and the time spent in them, for the benchmark (engine time = parser work + the
 * engine's own); `bodyCalls` / `bodyMs` are the part made for function and DO bodies (`countedAsBody`):
 * the PL/pgSQL parser and the second parse of the statements in a body. Cheap: two clock reads per call.
 */
export const parserClock = { calls: 0, ms: 0, bodyCalls: 0, bodyMs: 0 };

let bodyDepth = 0;

/** Run `fn`, counting its parser calls as function-body parsing too (see `parserClock`). */
export function countedAsBody<T>(fn: () => T): T {
  bodyDepth++;
  try {
    return fn();
  } finally {
    bodyDepth--;
  }
}

function timed<T>(fn: () => T): T {
  const t = performance.now();
  try {
    return fn();
  } finally {
    const ms = performance.now() - t;
    parserClock.calls++;
    parserClock.ms += ms;
    if (bodyDepth > 0) {
      parserClock.bodyCalls++;
      parserClock.bodyMs += ms;
    }
  }
}

function assertLoaded(): void {
  if (!loaded) throw new Error('Postgres parser not initialised: await initParser() first');
}

// The AST is plain JSON: { NodeType: { ...fields } }. We keep it untyped and read it defensively.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Node = any;

export interface RawStatement {
  stmt: Node;
  /** Byte offset of the statement's first token in the parsed text. */
  location: number;
  /** Byte length, or 0 for "to the end of the text". */
  length: number;
}

export class ParseError extends Error {
  constructor(
    message: string,
    /** 0-based code-point offset in the parsed text, or -1 when Postgres gave none. */
    readonly cursor: number,
  ) {
    super(message);
  }
}

function toParseError(e: unknown): ParseError {
  const err = e as { message?: string; sqlDetails?: { cursorPosition?: number } };
  const message = err?.message ?? String(e);
  const cursor = err?.sqlDetails?.cursorPosition;
  return new ParseError(message, typeof cursor === 'number' ? cursor : -1);
}

/** Parse SQL into raw statements. Throws ParseError on a syntax error. */
export function parseSql(text: string): RawStatement[] {
  assertLoaded();
  if (text.trim() === '') return [];
  let result;
  try {
    result = timed(() => pg.parseSync(text));
  } catch (e) {
    throw toParseError(e);
  }
  return (result.stmts ?? []).map((s: Node) => ({
    stmt: s.stmt,
    location: s.stmt_location ?? 0,
    length: s.stmt_len ?? 0,
  }));
}

export interface Token {
  start: number;
  end: number;
  text: string;
  kind: 'comment' | 'string' | 'semicolon' | 'open' | 'close' | 'word' | 'other';
  /** Lower-cased keyword or identifier text, for words. */
  word?: string;
}

/** Tokenise with Postgres' own scanner. Throws ParseError on an unterminated string/comment. */
export function scanSql(text: string): Token[] {
  assertLoaded();
  if (text === '') return [];
  let result;
  try {
    result = timed(() => pg.scanSync(text));
  } catch (e) {
    // The scanner reports unterminated literals as a JSON error; the parser gives the cursor.
    try {
      pg.parseSync(text);
    } catch (pe) {
      throw toParseError(pe);
    }
    throw new ParseError(String((e as Error)?.message ?? e), -1);
  }
  return result.tokens.map((t) => {
    let kind: Token['kind'] = 'other';
    if (t.tokenName === 'SQL_COMMENT' || t.tokenName === 'C_COMMENT') kind = 'comment';
    else if (t.tokenName === 'SCONST' || t.tokenName === 'USCONST' || t.tokenName === 'BCONST' || t.tokenName === 'XCONST') kind = 'string';
    else if (t.text === ';') kind = 'semicolon';
    else if (t.text === '(' || t.text === '[') kind = 'open';
    else if (t.text === ')' || t.text === ']') kind = 'close';
    else if (t.tokenName === 'IDENT' || t.keywordKind > 0) kind = 'word';
    return { start: t.start, end: t.end, text: t.text, kind, word: kind === 'word' ? t.text.toLowerCase() : undefined };
  });
}

/** Parse the PL/pgSQL body of a CREATE FUNCTION statement. Throws ParseError. */
export function parsePlpgsql(createFunctionText: string): Node[] {
  assertLoaded();
  try {
    const r = timed(() => pg.parsePlPgSQLSync(createFunctionText)) as unknown as { plpgsql_funcs?: Node[] };
    return r.plpgsql_funcs ?? [];
  } catch (e) {
    throw toParseError(e);
  }
}
