/**
 * The expression and query walker: goes through any node tree (expressions, queries, column
 * definitions, clauses of a statement) and records the relations, functions and types it uses;
 * queries get their CTE names as locals and FROM-like clauses their `via`. `set_config(…)` calls
 * with constant arguments change the settings (search path, check_function_bodies).
 */
import { useColumn } from './columnUses';
import type { Node } from '../parser';
import { qualifierOf, strList } from './astNodes';
import type { Extraction, Scope } from './extraction';
import { findName, nameRange } from './nameRanges';
import { regclassRef, relationRef, typeRef } from './refs';
import { setConfig } from './searchPath';
import { insertedLiterals, literalRange, queryLiterals } from './coercedLiterals';

const QUERY_TYPES = new Set(['SelectStmt', 'InsertStmt', 'UpdateStmt', 'DeleteStmt', 'MergeStmt']);

/** SELECT / INSERT / UPDATE / DELETE / MERGE. */
export function isQuery(type: string): boolean {
  return QUERY_TYPES.has(type);
}

export function walk(x: Extraction, node: Node, scope: Scope): void {
  if (node == null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) walk(x, n, scope);
    return;
  }
  const keys = Object.keys(node);
  // a node is { TypeName: fields }; a capital first letter tells it from a field list
  const c = keys.length === 1 ? keys[0].charCodeAt(0) : 0;
  if (c >= 65 && c <= 90) {
    walkNode(x, keys[0], node[keys[0]], scope);
    return;
  }
  for (const k of keys) walk(x, node[k], scope);
}

function walkNode(x: Extraction, type: string, n: Node, scope: Scope): void {
  switch (type) {
    case 'RangeVar':
      relationRef(x, n, scope, scope.via ?? 'FROM');
      return;
    case 'FuncCall':
      funcCall(x, strList(n.funcname), n, scope);
      walk(x, n.args, scope);
      walk(x, n.agg_order, scope);
      walk(x, n.agg_filter, scope);
      walk(x, n.over, scope);
      return;
    case 'TypeCast': {
      const before = x.current.refs.length;
      const t = typeRef(x, n.typeName, scope);
      const sval = n.arg?.A_Const?.sval?.sval;
      if (typeof sval === 'string' && t.type === 'regclass') regclassRef(x, sval, n.arg.A_Const.location, scope);
      else if (typeof sval === 'string' && x.current.refs.length === before + 1 && !scope.deferred) literalCast(x, before, sval, n.arg.A_Const.location, scope);
      else walk(x, n.arg, scope);
      return;
    }
    case 'ColumnDef':
      typeRef(x, n.typeName, scope);
      walk(x, n.constraints, scope);
      return;
    case 'SelectStmt':
    case 'InsertStmt':
    case 'UpdateStmt':
    case 'DeleteStmt':
    case 'MergeStmt':
      query(x, type, n, scope);
      return;
    case 'ColumnRef':
    case 'A_Const':
    case 'ParamRef':
    // FOR UPDATE OF a: names of FROM items (aliases), not relations
    case 'LockingClause':
      return;
    default:
      for (const k of Object.keys(n)) walk(x, n[k], scope);
  }
}

function funcCall(x: Extraction, names: string[], n: Node, scope: Scope): void {
  if (!names.length) return;
  const last = names[names.length - 1];
  const schema = qualifierOf(names);
  const args: Node[] = n.args ?? [];
  const range = nameRange(x, scope, n.location);
  x.addRef({ ns: 'function', schema, name: last, range, optional: false, via: 'call', signature: String(args.length) }, scope);
  // nextval('seq'), currval, setval: the string is a regclass resolved when the statement runs.
  if ((last === 'nextval' || last === 'currval' || last === 'setval') && (!schema || schema === 'pg_catalog')) {
    const c = args[0]?.A_Const;
    if (c?.sval?.sval !== undefined) regclassRef(x, c.sval.sval, c.location, scope);
  }
  if (last === 'set_config' && (!schema || schema === 'pg_catalog') && !scope.deferred) {
    setConfig(x, args[0]?.A_Const?.sval?.sval, args[1]?.A_Const?.sval?.sval);
  }
}

/** SELECT / INSERT / UPDATE / DELETE / MERGE, with CTE scoping. */
export function query(x: Extraction, type: string, n: Node, outer: Scope): void {
  let scope = outer;
  const ctes: Node[] = n.withClause?.ctes ?? [];
  if (ctes.length) {
    scope = { ...outer, locals: new Set(outer.locals) };
    for (const c of ctes) if (c.CommonTableExpr?.ctename) scope.locals.add(c.CommonTableExpr.ctename);
  }
  const via = type === 'InsertStmt' ? 'INSERT INTO' : type === 'UpdateStmt' ? 'UPDATE' : type === 'DeleteStmt' ? 'DELETE FROM' : type === 'MergeStmt' ? 'MERGE INTO' : undefined;
  const target = via && n.relation ? relationRef(x, n.relation, scope, via) : undefined;
  // the columns INSERT INTO t (a, b), UPDATE t SET a = … and ON CONFLICT DO UPDATE SET a = … assign must exist
  if (target !== undefined && !scope.deferred) {
    const assigned: Node[] = type === 'InsertStmt' ? [...(n.cols ?? []), ...(n.onConflictClause?.targetList ?? [])] : type === 'UpdateStmt' ? (n.targetList ?? []) : [];
    for (const c of assigned) {
      const name = c.ResTarget?.name;
      if (typeof name === 'string') useColumn(x, target, name, findName(x, name, scope.base + (c.ResTarget.location ?? 0)));
    }
  }
  // one scope for the FROM-like clauses and one for the rest, made when first needed
  let from: Scope | undefined;
  let rest: Scope | undefined;
  for (const k of Object.keys(n)) {
    const v = n[k];
    if (v == null || typeof v !== 'object') continue;
    if (k === 'relation' && via) continue;
    if (k === 'intoClause') continue;
    if (k === 'fromClause' || k === 'usingClause' || k === 'sourceRelation') walk(x, v, (from ??= { ...scope, via: 'FROM' }));
    else walk(x, v, (rest ??= { ...scope, via: undefined }));
  }
  // strings converted to its tables' column types (INSERT … VALUES, comparisons in WHERE, UPDATE … SET)
  if (!scope.deferred) {
    if (type === 'InsertStmt') {
      if (target !== undefined) insertedLiterals(x, n, target, scope);
    } else queryLiterals(x, type, n, target, scope);
  }
}

/** A string literal cast to the user-defined type of reference `ref`, evaluated when the statement runs. */
export function literalCast(x: Extraction, ref: number, value: string, loc: number | undefined, scope: Scope): void {
  if (loc == null || loc < 0) return;
  (x.current.literalCasts ??= []).push({ ref, value, range: literalRange(x, value, loc, scope) });
}
