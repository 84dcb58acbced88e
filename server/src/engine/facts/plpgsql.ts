/**
 * The inside of a PL/pgSQL body (a function's or a DO block's): declared variable types, and the SQL
 * expressions and statements the PL/pgSQL parser hands back as text — placed in the body, parsed (all
 * in one parser call when possible) and read like top-level SQL, with a DO block's IF / exception
 * guards attached.
 */
import type { Namespace } from '../types';
import { utf8Length } from '../positions';
import { parseQualifiedName } from '../names';
import { Node, parseSql, RawStatement } from '../parser';
import { kindOf } from './astNodes';
import type { Extraction, Scope } from './extraction';
import type { DynamicCreateEffect } from './model';
import { namesRef } from './refs';
import { creationSchema } from './searchPath';
import { isQuery, query } from './walker';

/** An embedded SQL expression (with its parse mode) of a PL/pgSQL tree. */
interface PlpgsqlExpr {
  query: string;
  mode: number;
  /** Text of the IF conditions around it, and whether an exception handler encloses it. */
  guard: string;
  handled: boolean;
  /** Runs whenever the body runs (see `Place`). */
  certain: boolean;
}

/** An expression placed in the body: `sql` is what is parsed; (sqlAnchor in sql) is (bodyAnchor in body), -1 when not found. */
interface PlacedExpr {
  e: PlpgsqlExpr;
  sql: string;
  sqlAnchor: number;
  bodyAnchor: number;
}

/** Between PL/pgSQL expressions parsed in one call: a line break ends a trailing `--` comment. */
const BATCH_SEPARATOR = '\n;\n';

/**
 * Read the functions of a parsed PL/pgSQL body that starts at byte `bodyStart` of the file (`extraTypes`:
 * declared types as written that the parsed tree carries otherwise). `types`: how the declared variable types
 * are resolved — only when the body runs (`deferred`), or when PostgreSQL compiles the body (at CREATE
 * FUNCTION with check_function_bodies on, when a DO block starts) — and with which search path.
 */
export function plpgsqlFunctions(
  x: Extraction,
  funcs: Node[],
  body: string,
  bodyStart: number,
  scope: Scope,
  typesScope: { deferred: boolean; path: string[] },
  extraTypes: string[],
  conditional = false,
): void {
  const bodyBytes = Buffer.from(body, 'utf8');
  const exprs: PlpgsqlExpr[] = [];
  const types: string[] = [];
  // a DO block runs at once: what its dynamic SQL creates may exist from here on (a function's only when called)
  const dynamic: string[] | undefined = scope.body === 'do' ? [] : undefined;
  // (whether a statement always runs matters only in a DO block, which runs now)
  collectPlpgsql(funcs, exprs, types, { guard: '', handled: false, certain: scope.body === 'do' }, dynamic);
  for (const q of dynamic ?? []) x.current.effects.push(...dynamicCreations(q, scope.path));
  if (dynamic?.length) x.current.dynamicSql = true;
  declaredTypes(x, [...types, ...extraTypes], variableNames(funcs), body, bodyStart, { ...scope, ...typesScope });
  const items = placeExpressions(exprs, body);
  const batch = parseTogether(items);
  let offset = 0;
  // in an ASCII body, character offsets are byte offsets
  const ascii = bodyBytes.length === body.length;
  for (let idx = 0; idx < items.length; idx++) {
    const { e, sql, sqlAnchor, bodyAnchor } = items[idx];
    const sqlLength = utf8Length(sql);
    let stmts: RawStatement[];
    let bytes: Uint8Array;
    let off: number;
    if (batch) {
      stmts = [batch.statements[idx]];
      bytes = batch.bytes;
      off = offset;
      offset += sqlLength + BATCH_SEPARATOR.length;
    } else {
      try {
        stmts = parseSql(sql);
      } catch {
        continue;
      }
      bytes = Buffer.from(sql, 'utf8');
      off = 0;
    }
    const guard = scope.body === 'do' ? { text: e.guard, handled: e.handled } : undefined;
    // a DO block runs now: what runs whenever it runs fails the migration now, the rest only when it runs
    const deferred = scope.body === 'do' ? scope.deferred || !e.certain : scope.deferred;
    // parser locations are offsets in `bytes`, where this expression's sql starts at `off`
    const sqlStart = bodyAnchor >= 0 ? bodyStart + (ascii ? bodyAnchor : utf8Length(body.slice(0, bodyAnchor))) - sqlAnchor : -1;
    const inner: Scope = sqlStart >= 0 ? { ...scope, deferred, guard, base: sqlStart - off, bytes } : { ...scope, deferred, guard, base: 0, bytes: new Uint8Array(0) };
    const before = x.current.refs.length;
    for (const st of stmts) {
      const [t, node] = kindOf(st.stmt);
      if (isQuery(t)) query(x, t, node, inner);
      // statements other than queries (DDL in a DO block) get their place in the file, like top-level ones
      else x.dispatch(t, node, inner, Math.max(0, sqlStart), Math.max(0, sqlStart + sqlLength), conditional);
    }
    if (bodyAnchor < 0) {
      // Could not place the query in the body text: point at the whole body.
      const r = x.range(bodyStart, bodyStart + bodyBytes.length);
      for (let i = before; i < x.current.refs.length; i++) x.current.refs[i].range = r;
    }
  }
}

/** The names of the variables (and parameters) of parsed PL/pgSQL functions. */
function variableNames(funcs: Node[]): Set<string> {
  const out = new Set<string>();
  for (const f of funcs) {
    for (const d of f?.PLpgSQL_function?.datums ?? []) {
      const name: unknown = (d.PLpgSQL_var ?? d.PLpgSQL_rec ?? d.PLpgSQL_row)?.refname;
      if (typeof name === 'string') out.add(name.toLowerCase());
    }
  }
  return out;
}

/**
 * Declared variable types (`v tenants%rowtype`, `s public.status`, `n tenants.name%type`); `x.y%type`
 * where `x` is a variable (a record's field) is not a table's column.
 */
function declaredTypes(x: Extraction, types: string[], variables: Set<string>, body: string, bodyStart: number, scope: Scope): void {
  for (const t of types) {
    const m = /^(.*?)\s*(%\s*rowtype|%\s*type)?$/i.exec(t.trim());
    if (!m) continue;
    // the type's name without array bounds (`[]`, `ARRAY[3]`) and modifiers (`(3)`)
    const base = m[1]
      .replace(/\s+array\s*(\[\s*\d*\s*\])?$/i, '')
      .replace(/(\s*\[\s*\d*\s*\])+$/, '')
      .replace(/\s*\([^()]*\)$/, '');
    // a name only: every unquoted part an identifier (not `double precision`, not an unusual spelling)
    if (/[\s()[\]]/.test(base.replace(/"(?:[^"]|"")*"/g, ''))) continue;
    const names = parseQualifiedName(base);
    if (!names) continue;
    const kind = m[2]?.toLowerCase().replace(/\s+/g, '');
    if (kind === '%rowtype') bodyNameRef(x, 'relation', names, body, bodyStart, scope, '%ROWTYPE');
    else if (kind === '%type') {
      if (names.length >= 2 && !variables.has(names[0].toLowerCase())) bodyNameRef(x, 'relation', names.slice(0, -1), body, bodyStart, scope, '%TYPE');
    } else if (names.length > 1 && names[0] !== 'pg_catalog') bodyNameRef(x, 'type', names, body, bodyStart, scope, 'type');
  }
}

/** A name from a declaration: its range is where it (or its last part) first appears in the body. */
function bodyNameRef(x: Extraction, ns: Namespace, names: string[], body: string, bodyStart: number, scope: Scope, via: string): void {
  const last = names[names.length - 1];
  const idx = body.toLowerCase().indexOf(names.join('.').toLowerCase());
  const idx2 = idx >= 0 ? idx : body.toLowerCase().indexOf(last.toLowerCase());
  const range = idx2 >= 0 ? x.range(bodyStart + utf8Length(body.slice(0, idx2)), bodyStart + utf8Length(body.slice(0, idx2)) + utf8Length(idx >= 0 ? names.join('.') : last)) : x.current.range;
  namesRef(x, ns, names, scope, range, via);
}

/** Where each expression is in the body, in order, and the SQL text to parse for it. */
function placeExpressions(exprs: PlpgsqlExpr[], body: string): PlacedExpr[] {
  const items: PlacedExpr[] = [];
  let cursor = 0;
  for (const e of exprs) {
    let sql = e.query;
    let sqlAnchor = 0;
    let skip = 0;
    if (e.mode === 2) {
      sql = `SELECT ${e.query}`;
      sqlAnchor = 7;
    } else if (e.mode >= 3) {
      const m = /^[^:=]*:?=\s*/.exec(e.query);
      skip = m ? m[0].length : 0;
      sql = `SELECT ${e.query.slice(skip)}`;
      sqlAnchor = 7;
    }
    let bodyAnchor = -1;
    const at = findFrom(body, e.query, cursor);
    if (at >= 0) {
      bodyAnchor = at + skip;
      cursor = at + e.query.length;
    } else if (e.mode === 0 && /^select /i.test(e.query)) {
      // PERFORM x  is stored as "SELECT x"
      const r = findFrom(body, e.query.slice(7), cursor);
      if (r >= 0) {
        bodyAnchor = r;
        sqlAnchor = 7;
        cursor = r + e.query.length - 7;
      }
    }
    items.push({ e, sql, sqlAnchor, bodyAnchor });
  }
  return items;
}

/**
 * Every parser call has a fixed cost (copying in, JSON out): parse all expressions of the body in one
 * call, each one statement. Undefined when that fails: then each expression is parsed on its own (one
 * that does not parse on its own is skipped, as dynamic or unusual syntax the PL/pgSQL parser accepted).
 */
function parseTogether(items: PlacedExpr[]): { statements: RawStatement[]; bytes: Uint8Array } | undefined {
  if (items.length <= 1) return undefined;
  const combined = items.map((i) => i.sql).join(BATCH_SEPARATOR);
  try {
    const statements = parseSql(combined);
    return statements.length === items.length ? { statements, bytes: Buffer.from(combined, 'utf8') } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The first occurrence of `needle` from `from`, else anywhere; -1 for an empty needle or none. PostgreSQL
 * blanks a statement's INTO clause out of its query text (`select a            from t` for
 * `select a into v_a from t`): a run of blanks in the needle matches any text of its length.
 */
function findFrom(hay: string, needle: string, from: number): number {
  if (!needle) return -1;
  const i = hay.indexOf(needle, from);
  if (i >= 0) return i;
  const j = hay.indexOf(needle);
  if (j >= 0) return j;
  const blanks = needle.indexOf('  ');
  if (blanks <= 0) return -1;
  const head = needle.slice(0, blanks);
  for (const start of [from, 0]) {
    for (let k = hay.indexOf(head, start); k >= 0; k = hay.indexOf(head, k + 1)) if (matchesWithBlanks(hay, k, needle)) return k;
  }
  return -1;
}

/** Whether `needle` is at `at` in `hay`, a blank in the needle matching any character. */
function matchesWithBlanks(hay: string, at: number, needle: string): boolean {
  if (at + needle.length > hay.length) return false;
  for (let i = 0; i < needle.length; i++) if (needle[i] !== ' ' && needle[i] !== hay[at + i]) return false;
  return true;
}

/** Where an expression is in the tree: IF conditions around it, an exception handler, whether it always runs. */
interface Place {
  guard: string;
  handled: boolean;
  /**
   * A failure here fails the body: it runs whenever the body runs (not under a condition, in a loop that may
   * run zero times, in an exception handler or after a possible exit), and no handler around it catches a
   * missing object's error.
   */
  certain: boolean;
}

const LOOPS = new Set(['PLpgSQL_stmt_loop', 'PLpgSQL_stmt_while', 'PLpgSQL_stmt_fori', 'PLpgSQL_stmt_fors', 'PLpgSQL_stmt_forc', 'PLpgSQL_stmt_foreach_a', 'PLpgSQL_stmt_dynfors']);

/**
 * Whether a statement may leave the statement list it is in (RETURN, an error RAISE, an EXIT or CONTINUE
 * that is not an unlabelled one of a loop inside it): the statements after it may not run.
 */
function mayLeave(node: Node, inLoop = false): boolean {
  if (node == null || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some((n) => mayLeave(n, inLoop));
  for (const k of Object.keys(node)) {
    const v = node[k];
    if (k === 'PLpgSQL_stmt_return') return true;
    if (k === 'PLpgSQL_stmt_exit' && (!inLoop || v?.label)) return true;
    if (k === 'PLpgSQL_stmt_raise' && !(typeof v?.elog_level === 'number' && v.elog_level < 21)) return true;
    if (k !== 'PLpgSQL_expr' && mayLeave(v, inLoop || LOOPS.has(k))) return true;
  }
  return false;
}

/**
 * Conditions of an exception handler that catch the error of a missing relation (42P01), function or
 * operator (42883), type (42704), column (42703) or schema (3F000): by name, by SQLSTATE, by class
 * (`sqlstate '42000'`, `syntax_error_or_access_rule_violation`) or `others`.
 */
const MISSING_OBJECT_CONDITIONS = new Set([
  'others',
  'undefined_table',
  'undefined_function',
  'undefined_object',
  'undefined_column',
  'invalid_schema_name',
  'syntax_error_or_access_rule_violation',
  '42p01',
  '42883',
  '42704',
  '42703',
  '3f000',
  '42000',
]);

/** Whether a block's exception handlers catch a missing object's error. */
function catchesMissingObject(exceptions: Node): boolean {
  for (const h of exceptions?.PLpgSQL_exception_block?.exc_list ?? []) {
    for (const c of h?.PLpgSQL_exception?.conditions ?? []) {
      const name: unknown = c?.PLpgSQL_condition?.condname;
      if (typeof name !== 'string' || MISSING_OBJECT_CONDITIONS.has(name.toLowerCase())) return true;
    }
  }
  return false;
}

/** The parts of control statements that run only under a condition (or zero or more times). */
const CONDITIONAL_PARTS: Record<string, Set<string>> = {
  PLpgSQL_stmt_if: new Set(['then_body', 'elsif_list', 'else_body']),
  PLpgSQL_stmt_case: new Set(['case_when_list', 'else_stmts']),
  PLpgSQL_stmt_while: new Set(['body']),
  PLpgSQL_stmt_fori: new Set(['body']),
  PLpgSQL_stmt_fors: new Set(['body']),
  PLpgSQL_stmt_forc: new Set(['body']),
  PLpgSQL_stmt_foreach_a: new Set(['body']),
  PLpgSQL_stmt_dynfors: new Set(['body']),
};

/** Collect embedded SQL expressions (with their parse mode and place) and declared types from a PL/pgSQL tree. */
function collectPlpgsql(node: Node, exprs: PlpgsqlExpr[], types: string[], at: Place, dynamic?: string[]): void {
  if (node == null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    // a statement list: after a statement that may leave it, the rest may not run
    let place = at;
    for (const n of node) {
      collectPlpgsql(n, exprs, types, place, dynamic);
      if (place.certain && mayLeave(n)) place = { ...place, certain: false };
    }
    return;
  }
  for (const k of Object.keys(node)) {
    const v = node[k];
    if (k === 'PLpgSQL_expr') {
      if (typeof v?.query === 'string') exprs.push({ query: v.query, mode: modeNumber(v.parseMode), guard: at.guard, handled: at.handled, certain: at.certain });
      continue;
    }
    if (k === 'PLpgSQL_type' && typeof v?.typname === 'string') {
      types.push(v.typname);
      continue;
    }
    if (k === 'datums') {
      // variables of every block, with their default values (evaluated when their block starts)
      collectPlpgsql(v, exprs, types, { ...at, certain: false }, dynamic);
      continue;
    }
    if (k === 'PLpgSQL_stmt_if' && v) {
      const cond = v.cond?.PLpgSQL_expr?.query ?? '';
      collectPlpgsql(v.cond, exprs, types, at, dynamic);
      const inner: Place = { guard: `${at.guard} ${cond} ${JSON.stringify(v.elsif_list ?? '')}`, handled: at.handled, certain: false };
      collectPlpgsql(v.then_body, exprs, types, inner, dynamic);
      collectPlpgsql(v.elsif_list, exprs, types, inner, dynamic);
      collectPlpgsql(v.else_body, exprs, types, inner, dynamic);
      continue;
    }
    if (k === 'PLpgSQL_stmt_dynexecute' && typeof v?.query?.PLpgSQL_expr?.query === 'string') dynamic?.push(v.query.PLpgSQL_expr.query);
    if (k === 'PLpgSQL_stmt_block' && v) {
      const caught = !!v.exceptions;
      const inner: Place = { guard: at.guard, handled: at.handled || caught, certain: at.certain && !catchesMissingObject(v.exceptions) };
      for (const kk of Object.keys(v)) if (kk !== 'exceptions') collectPlpgsql(v[kk], exprs, types, inner, dynamic);
      collectPlpgsql(v.exceptions, exprs, types, { ...at, certain: false }, dynamic);
      continue;
    }
    const conditional = CONDITIONAL_PARTS[k];
    if (conditional && v) {
      for (const kk of Object.keys(v)) collectPlpgsql(v[kk], exprs, types, conditional.has(kk) ? { ...at, certain: false } : at, dynamic);
      continue;
    }
    collectPlpgsql(v, exprs, types, at, dynamic);
  }
}

/** CREATE in the constant parts of a dynamic EXECUTE's string: the kind, and the name as written. */
const DYNAMIC_CREATE =
  /\bcreate\s+(?:or\s+replace\s+)?(?:(?:global\s+|local\s+)?(?:temp|temporary|unlogged)\s+)?(table|view|materialized\s+view|sequence|foreign\s+table|function|procedure|type|domain|schema)\s+(?:if\s+not\s+exists\s+)?([^\s(;]*)/gi;
const DYNAMIC_NS: Record<string, Namespace> = { function: 'function', procedure: 'function', type: 'type', domain: 'type', schema: 'schema' };

/**
 * What the DDL in a dynamic EXECUTE (`format('create table %I.%I (...)', s, t)`, `'create table ' || t`)
 * may create: per CREATE, its kind and, where written literally, its schema and name (null: any; an
 * unqualified literal name goes to the schema of the search path a CREATE uses; a name built at run time,
 * `%s` or a concatenation, may carry any schema). EXECUTE of a string with no CREATE in its constant parts
 * creates nothing the engine counts.
 */
function dynamicCreations(query: string, path: string[]): DynamicCreateEffect[] {
  const out: DynamicCreateEffect[] = [];
  for (const m of query.matchAll(DYNAMIC_CREATE)) {
    const kind = m[1].toLowerCase().replace(/\s+/g, ' ');
    const ns = DYNAMIC_NS[kind] ?? 'relation';
    // each dotted part: a literal name, or null when built at run time (%I, %s, a concatenation)
    const parts = m[2].split('.').map((p) => (/^([A-Za-z_][\w$]*|"[^"]+")$/.test(p) ? (parseQualifiedName(p)?.[0] ?? null) : null));
    const name = parts[parts.length - 1];
    let schema = parts.length > 1 ? parts[0] : name !== null ? creationSchema(path) : null;
    if (ns === 'schema') schema = null;
    out.push({ type: 'dynamic-create', ns, schema, name: ns === 'schema' || schema !== null ? name : null });
  }
  return out;
}

/** The parse mode of an expression as a number (the parser may give the enum by number or by name). */
function modeNumber(m: unknown): number {
  if (typeof m === 'number') return m;
  switch (m) {
    case 'RAW_PARSE_PLPGSQL_EXPR':
      return 2;
    case 'RAW_PARSE_PLPGSQL_ASSIGN1':
      return 3;
    case 'RAW_PARSE_PLPGSQL_ASSIGN2':
      return 4;
    case 'RAW_PARSE_PLPGSQL_ASSIGN3':
      return 5;
    default:
      return 0;
  }
}
