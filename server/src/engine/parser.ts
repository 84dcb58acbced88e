/**
 * The real Postgres parser (libpg_query compiled to WASM, npm `libpg-query`), behind one small module.
 * Why not `pg-query-emscripten`: see docs/architecture.md. Everything here is synchronous once
 * `initParser()` (and `loadGrammars()` for other versions) has resolved. Inputs are JS strings; every
 * location the parser returns is a UTF-8 byte offset into that string, and error cursors are 0-based
 * code-point offsets.
 *
 * Grammars: a statement parses with the grammar of the project's PostgreSQL major version (a function
 * named `json` is valid in 15, a syntax error in 17), so there is one parser per grammar: npm
 * `libpg-query` 15.x and 17.x (installed under the aliases `libpg-query-15` / `libpg-query-17`; these
 * builds parse only) and 18.x (the full build: also Postgres' scanner and the PL/pgSQL parser, which
 * `scanSql` and `parsePlpgsql` always use — their differences between versions do not matter here).
 * The grammar of a call is the one `withPostgresVersion` set (the engine sets it per file from the
 * configuration, `extractFacts`), 18's outside (verify reads a statement's kind that way).
 */
import { setFlagsFromString } from 'node:v8';
import { BASELINE_ONLY_V8_FLAG, type WasmTier } from '../wasmTier';
import { DEFAULT_POSTGRES_VERSION, grammarFor, type GrammarVersion } from './postgresVersion';

export { DEFAULT_POSTGRES_VERSION, grammarFor, type GrammarVersion } from './postgresVersion';

interface GrammarModule {
  loadModule(): Promise<void>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  parseSync(query: string): any;
}

// Loaded by `initParser` / `loadGrammars`, not on import: a package starts compiling its WASM as soon as it
// is evaluated, and the compile tier must be chosen before that.
let pg: typeof import('libpg-query');
const grammars = new Map<GrammarVersion, GrammarModule>();
const loading = new Map<GrammarVersion, Promise<void>>();
// outside `withPostgresVersion`: 18's, the build that is always loaded
let active: GrammarVersion = 18;

let ready: Promise<void> | undefined;
let loaded = false;
let chosenTier: WasmTier | undefined;

function importGrammar(v: GrammarVersion): Promise<GrammarModule> {
  // literal specifiers, so that the bundler sees each package
  if (v === 15) return import('libpg-query-15') as Promise<GrammarModule>;
  if (v === 17) return import('libpg-query-17') as Promise<GrammarModule>;
  return import('libpg-query');
}

/**
 * Load the parsers of these PostgreSQL major versions (their grammars, `grammarFor`) if not loaded yet.
 * After `initParser` (whose tier they are compiled with); each grammar is compiled once per process.
 */
export async function loadGrammars(versions: Iterable<number | undefined>): Promise<void> {
  const wanted = new Set<GrammarVersion>();
  for (const v of versions) wanted.add(grammarFor(v ?? DEFAULT_POSTGRES_VERSION));
  await Promise.all(
    [...wanted].map((g) => {
      let p = loading.get(g);
      if (!p) {
        p = importGrammar(g).then(async (m) => {
          await m.loadModule();
          grammars.set(g, m);
        });
        loading.set(g, p);
        p.catch(() => loading.delete(g)); // the next call tries again
      }
      return p;
    }),
  );
}

/** Whether the grammar of this PostgreSQL major version is loaded (`loadGrammars`). */
export function grammarLoaded(major: number): boolean {
  return grammars.has(grammarFor(major));
}

/**
 * Load the parser: the full 18.x build (scanner, PL/pgSQL) and the grammars of `versions` (default: the
 * default version's). The first call compiles them (WASM modules of 1.7, 1.2 and 0.9 MB) with `tier`:
 * `optimizing` is V8's default (baseline code first, hot functions recompiled by the optimizing compiler
 * on background threads), `baseline` never recompiles; which one pays depends on how much SQL the process
 * parses, and the caller decides (server/src/wasmTier.ts). Later calls return the same promise, whatever
 * tier they pass, after loading the grammars they name.
 */
export function initParser(options: { tier?: WasmTier; versions?: Iterable<number | undefined> } = {}): Promise<void> {
  const versions = [...(options.versions ?? [DEFAULT_POSTGRES_VERSION])];
  if (!ready) {
    chosenTier = options.tier ?? 'optimizing';
    // Must be set before the modules are compiled; it applies to WASM compiled later in this process too
    // (the other grammars; verify's PGlite runs in its own process).
    if (chosenTier === 'baseline') setFlagsFromString(BASELINE_ONLY_V8_FLAG);
    // the full build and the project's grammars compile side by side
    const full = import('libpg-query').then(async (m) => {
      await m.loadModule();
      pg = m;
      grammars.set(18, m);
    });
    loading.set(18, full);
    ready = Promise.all([full, loadGrammars(versions)])
      .then(() => {
        loaded = true;
      })
      .catch((e: unknown) => {
        ready = undefined; // the next call tries again (with the tier already set)
        loading.delete(18);
        throw e;
      });
    return ready;
  }
  return ready.then(() => loadGrammars(versions));
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
 * Run `fn` with `parseSql` parsing by the grammar of PostgreSQL `major` (`grammarFor`), which must be
 * loaded (`loadGrammars`). Synchronous: the grammar is the one of every parse inside `fn`, and only there.
 */
export function withPostgresVersion<T>(major: number, fn: () => T): T {
  const g = grammarFor(major);
  if (!grammars.has(g)) throw new Error(`PostgreSQL ${g} grammar not loaded: await loadGrammars([${major}]) first`);
  const before = active;
  active = g;
  try {
    return fn();
  } finally {
    active = before;
  }
}

/** The grammar `parseSql` parses with now. */
export function activeGrammar(): GrammarVersion {
  return active;
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

/** Parse SQL into raw statements with the active grammar (`withPostgresVersion`). Throws ParseError on a syntax error. */
export function parseSql(text: string): RawStatement[] {
  assertLoaded();
  if (text.trim() === '') return [];
  const grammar = grammars.get(active);
  if (!grammar) throw new Error(`PostgreSQL ${active} grammar not loaded: await loadGrammars() first`);
  let result;
  try {
    result = timed(() => grammar.parseSync(text));
  } catch (e) {
    throw toParseError(e);
  }
  const stmts: RawStatement[] = (result.stmts ?? []).map((s: Node) => ({
    stmt: s.stmt,
    location: s.stmt_location ?? 0,
    length: s.stmt_len ?? 0,
  }));
  if (active < 18) startAtFirstToken(stmts, text);
  return stmts;
}

/**
 * Up to PostgreSQL 17 a statement's location is where the previous one ended (just after its semicolon),
 * with the white space and comments in between; from 18 on it is its first token. Move the older ones
 * there, so that every grammar's statements start where 18's do.
 */
function startAtFirstToken(stmts: RawStatement[], text: string): void {
  let bytes: Uint8Array | undefined;
  for (const s of stmts) {
    bytes ??= Buffer.from(text, 'utf8');
    const end = s.length > 0 ? s.location + s.length : bytes.length;
    const start = skipSpaceAndComments(bytes, s.location, end);
    if (start === s.location) continue;
    if (s.length > 0) s.length -= start - s.location;
    s.location = start;
  }
}

/** The offset of the first byte in [from, end) that is neither white space nor inside a comment (`--` to the end of the line, nested C-style comments). */
export function skipSpaceAndComments(bytes: Uint8Array, from: number, end: number): number {
  let i = from;
  while (i < end) {
    const c = bytes[i];
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) i++;
    else if (c === 0x2d && bytes[i + 1] === 0x2d) {
      while (i < end && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i++;
    } else if (c === 0x2f && bytes[i + 1] === 0x2a) {
      let depth = 1;
      i += 2;
      while (i < end && depth > 0) {
        if (bytes[i] === 0x2f && bytes[i + 1] === 0x2a) {
          depth++;
          i += 2;
        } else if (bytes[i] === 0x2a && bytes[i + 1] === 0x2f) {
          depth--;
          i += 2;
        } else i++;
      }
    } else break;
  }
  return Math.min(i, end);
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

/**
 * Whether the grammar the PL/pgSQL parser reads a CREATE FUNCTION statement with (18's) accepts `text`: when
 * an older grammar accepted a statement that 18's rejects, a PL/pgSQL error is about the statement, not
 * the body.
 */
export function plpgsqlGrammarAccepts(text: string): boolean {
  assertLoaded();
  try {
    timed(() => pg.parseSync(text));
    return true;
  } catch {
    return false;
  }
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
