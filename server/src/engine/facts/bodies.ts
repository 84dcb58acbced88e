/**
 * Bodies: where a function's or DO block's body string is in the file, and reading it — a SQL body
 * statement by statement (with recovery from syntax errors), a PL/pgSQL body or DO block through the
 * PL/pgSQL parser (see plpgsql.ts for the expressions inside). Errors the PL/pgSQL parser reports only
 * for want of a catalog are not syntax errors.
 */
import { utf8Length } from '../positions';
import { Node, ParseError, parsePlpgsql, plpgsqlGrammarAccepts, scanSql, type Token } from '../parser';
import { splitAndParse } from '../split';
import { kindOf, str } from './astNodes';
import type { Extraction, Scope } from './extraction';
import { textOf } from './nameRanges';
import { plpgsqlFunctions } from './plpgsql';
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

/**
 * libpg_query's PL/pgSQL parser has no catalog: it cannot tell whether a variable of a user-defined type
 * is a scalar or a row, so errors about variable kinds are its limitation, not the migration's.
 */
function reportablePlpgsqlError(message: string): boolean {
  return !/is not a scalar variable|is not a known variable|does not exist|record .* has no field/i.test(message);
}

/**
 * Parse a `CREATE FUNCTION … LANGUAGE plpgsql` statement; a syntax error is reported on the body.
 * Returns the parsed functions, or undefined when it does not parse or the body is not found in the file.
 */
function parsePlpgsqlBody(x: Extraction, source: string, body: string, bodyStart: number, deferredError: boolean): Node[] | undefined {
  let funcs: Node[];
  try {
    funcs = parsePlpgsql(source);
  } catch (e) {
    if (!(e instanceof ParseError)) return undefined;
    if (plpgsqlGrammarAccepts(source)) {
      if (bodyStart >= 0 && reportablePlpgsqlError(e.message)) {
        x.syntaxError({ start: bodyStart, end: bodyStart + utf8Length(body), message: `PL/pgSQL: ${e.message}` }, deferredError);
      }
      return undefined;
    }
    // The project's (older) grammar accepted the statement, the PL/pgSQL parser's does not (a function named
    // `json` in PostgreSQL 15): read the body under a neutral name, or say nothing about it.
    const renamed = withNeutralName(source);
    if (renamed === undefined || !plpgsqlGrammarAccepts(renamed)) return undefined;
    return parsePlpgsqlBody(x, renamed, body, bodyStart, deferredError);
  }
  return bodyStart < 0 ? undefined : funcs;
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

/** A `LANGUAGE plpgsql` function body; `stmtText` is the whole CREATE FUNCTION statement. */
export function plpgsqlBody(x: Extraction, stmtText: string, body: string, bodyStart: number, scope: Scope): void {
  const funcs = parsePlpgsqlBody(x, stmtText, body, bodyStart, !x.checkFunctionBodies);
  if (funcs) plpgsqlFunctions(x, funcs, body, bodyStart, scope);
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
  const funcs = parsePlpgsqlBody(x, `create function pg_temp.do_block() returns void language plpgsql as $${tag}$${body}$${tag}$`, body, bodyStart, false);
  if (!funcs) return;
  // DO runs at once, but its statements are usually guarded (IF NOT EXISTS checks, exception handlers):
  // references are reported like PL/pgSQL ones, objects it creates count as created (conditionally).
  plpgsqlFunctions(x, funcs, body, bodyStart, { ...scope, deferred: true, locals: new Set(scope.locals), body: 'do' }, true);
}
