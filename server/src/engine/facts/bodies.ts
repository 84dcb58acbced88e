/**
 * Bodies: where a function's or DO block's body string is in the file, and reading it — a SQL body
 * statement by statement (with recovery from syntax errors), a PL/pgSQL body or DO block through the
 * PL/pgSQL parser (see plpgsql.ts for the expressions inside). Errors the PL/pgSQL parser reports only
 * for want of a catalog are not syntax errors (plpgsqlCertainty.ts).
 */
import { utf8Length } from '../positions';
import { Node, ParseError, parsePlpgsql, plpgsqlGrammarAccepts, scanSql, type Token } from '../parser';
import { splitAndParse } from '../split';
import { kindOf, str } from './astNodes';
import type { Extraction, Scope } from './extraction';
import { textOf } from './nameRanges';
import { plpgsqlFunctions } from './plpgsql';
import { plpgsqlErrorVerdict, type PlpgsqlSignature } from './plpgsqlCertainty';
import { isQuery, query, walk } from './walker';

/** Byte offset where a function body string starts in the file (inside its quotes), or -1. */
export function locateBody(x: Extraction, body: string, start: number, end: number): number {
  const stmt = textOf(x, start, end);
  // Dollar-quoted bodies appear verbatim; quoted ones only when they contain no doubled quotes.
  let idx = -1;
  for (const m of stmt.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)?\$/g)) {
    const open = m.index! + m[0].length;
    if (stmt.startsWith(body, open) && stmt.startsWith(m[0], open + body.length)) {
      idx = open;
      break;
    }
  }
  if (idx < 0) {
    const q = stmt.indexOf(`'${body}'`);
    if (q >= 0) idx = q + 1;
  }
  return idx < 0 ? -1 : start + utf8Length(stmt.slice(0, idx));
}

/** A `LANGUAGE sql` body given as a string. */
export function sqlBody(x: Extraction, body: string, bodyStart: number, scope: Scope): void {
  if (bodyStart < 0 || body.trim() === '') return;
  const bodyBytes = Buffer.from(body, 'utf8');
  // Statement by statement with recovery, so that one error does not hide the rest of the body.
  const split = splitAndParse(body, bodyBytes);
  for (const err of split.errors) x.syntaxError({ start: bodyStart + err.start, end: bodyStart + err.end, message: err.message }, scope.deferred);
  for (const s of split.statements) {
    const inner: Scope = { ...scope, base: bodyStart + s.base, bytes: bodyBytes.subarray(s.base) };
    const [t, node] = kindOf(s.stmt);
    if (isQuery(t)) query(x, t, node, inner);
    else walk(x, s.stmt, inner);
  }
}

/** A parsed PL/pgSQL body, and declared types its tree does not carry as written (see plpgsqlCertainty.ts). */
interface ParsedPlpgsql {
  funcs: Node[];
  extraTypes: string[];
}

/**
 * Parse a `CREATE FUNCTION … LANGUAGE plpgsql` statement (`source`); an error PostgreSQL would raise too
 * (see plpgsqlCertainty.ts) is reported on the body. An error that depends on a type the parser cannot
 * know is not, and the body is read from the parse that sets such types aside. Undefined when it does not
 * parse or the body is not found in the file.
 */
function parsePlpgsqlBody(
  x: Extraction,
  source: string,
  body: string,
  bodyStart: number,
  signature: PlpgsqlSignature | undefined,
  deferredError: boolean,
): ParsedPlpgsql | undefined {
  let parsed: ParsedPlpgsql;
  try {
    parsed = { funcs: parsePlpgsql(source), extraTypes: [] };
  } catch (e) {
    if (!(e instanceof ParseError) || bodyStart < 0) return undefined;
    if (!plpgsqlGrammarAccepts(source)) {
      // The project's (older) grammar accepted the statement, the PL/pgSQL parser's does not (a function
      // named `json` in PostgreSQL 15): read the body under a neutral name, or say nothing about it.
      const renamed = withNeutralName(source);
      if (renamed === undefined || !plpgsqlGrammarAccepts(renamed)) return undefined;
      return parsePlpgsqlBody(x, renamed, body, bodyStart, signature, deferredError);
    }
    const verdict = plpgsqlErrorVerdict(e, body, signature);
    if (verdict.message !== undefined) {
      x.syntaxError({ start: bodyStart, end: bodyStart + utf8Length(body), message: `PL/pgSQL: ${verdict.message}` }, deferredError);
    }
    if (!verdict.funcs) return undefined;
    parsed = { funcs: verdict.funcs, extraTypes: verdict.replacedTypes };
  }
  return bodyStart < 0 ? undefined : parsed;
}

/** `create function <name>(…` with the name replaced by `pg_temp.f`, or undefined when it is not found. */
function withNeutralName(source: string): string | undefined {
  let tokens: Token[];
  try {
    tokens = scanSql(source);
  } catch {
    return undefined;
  }
  const kw = tokens.findIndex((t) => t.word === 'function' || t.word === 'procedure');
  const open = tokens.findIndex((t, i) => i > kw + 1 && t.text === '(');
  if (kw < 0 || open < 0) return undefined;
  const bytes = Buffer.from(source, 'utf8');
  const decode = (a: number, b?: number) => Buffer.from(bytes.subarray(a, b)).toString('utf8');
  return `${decode(0, tokens[kw + 1].start)}pg_temp.f${decode(tokens[open].start)}`;
}

/**
 * A `LANGUAGE plpgsql` function body; `stmtText` is the whole CREATE FUNCTION statement. `createScope`: where
 * the statement runs (PostgreSQL resolves the declared types at CREATE FUNCTION, with the function's own
 * search path if it sets one, unless check_function_bodies is off).
 */
export function plpgsqlBody(
  x: Extraction,
  stmtText: string,
  signature: PlpgsqlSignature,
  body: string,
  bodyStart: number,
  scope: Scope,
  createScope: { deferred: boolean; path: string[] },
): void {
  const parsed = parsePlpgsqlBody(x, stmtText, body, bodyStart, signature, !x.checkFunctionBodies);
  const types = x.checkFunctionBodies && !createScope.deferred ? { deferred: false, path: createScope.path } : { deferred: true, path: scope.path };
  if (parsed) plpgsqlFunctions(x, parsed.funcs, body, bodyStart, scope, types, parsed.extraTypes);
}

/** `DO $$ … $$` (PL/pgSQL only). */
export function doBlock(x: Extraction, n: Node, scope: Scope, start: number, end: number): void {
  let body = '';
  let language = 'plpgsql';
  for (const a of n.args ?? []) {
    const d = a.DefElem;
    if (d?.defname === 'as') body = str(d.arg) ?? '';
    if (d?.defname === 'language') language = (str(d.arg) ?? language).toLowerCase();
  }
  if (language !== 'plpgsql' || !body) return;
  const bodyStart = locateBody(x, body, start, end);
  let tag = 'do_body';
  while (body.includes(`$${tag}$`)) tag += '_';
  const parsed = parsePlpgsqlBody(x, `create function pg_temp.do_block() returns void language plpgsql as $${tag}$${body}$${tag}$`, body, bodyStart, undefined, false);
  if (!parsed) return;
  // DO runs at once: its declared types are resolved and the statements that always run (not under IF,
  // CASE or a loop, not after a possible RETURN, EXIT or RAISE, not where an exception handler catches)
  // fail the migration now; the others, usually guards (IF NOT EXISTS checks), only when they run.
  // Objects it creates count as created (conditionally).
  const refs = x.current.refs.length;
  const effects = x.current.effects.length;
  plpgsqlFunctions(x, parsed.funcs, body, bodyStart, { ...scope, locals: new Set(scope.locals), body: 'do' }, { deferred: scope.deferred, path: scope.path }, parsed.extraTypes, true);
  renamedInBlock(x, refs, effects);
}

/**
 * The DO block's references are resolved before its renames (one statement: creations, references, then
 * changes); a name the block renames something to, or moves to another schema, may be used after the
 * rename: a missing object of such a name is not reported.
 */
function renamedInBlock(x: Extraction, firstRef: number, firstEffect: number): void {
  const { refs, effects } = x.current;
  const names = new Set<string>();
  for (let i = firstEffect; i < effects.length; i++) {
    const e = effects[i];
    if (e.type !== 'rename') continue;
    if (e.newName) names.add(e.newName);
    if (e.newSchema && refs[e.ref]) names.add(refs[e.ref].name);
  }
  if (!names.size) return;
  for (let i = firstRef; i < refs.length; i++) {
    if (!names.has(refs[i].name)) continue;
    refs[i].deferred = true;
    refs[i].optional = true;
  }
}
