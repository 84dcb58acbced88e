/**
 * Indexes: CREATE INDEX (its table, expressions, WHERE; named or not), the indexes PRIMARY KEY / UNIQUE /
 * EXCLUDE constraints create (`constraintIndex`, `indexesOf`, for tables.ts), and CREATE STATISTICS. What
 * Postgres needs to name an index is read here: its columns' names (an expression's as FigureIndexColname
 * gives it) and the table columns it uses.
 */
import type { Node } from '../../parser';
import { makeObjectName, uniqueColumnNames } from '../../generatedNames';
import { kindOf, strList } from '../astNodes';
import { create, unqualifiedTarget } from '../creates';
import type { Extraction, Scope, StatementHandlers } from '../extraction';
import type { IndexFact, IndexLabel } from '../model';
import { findName, nameRange } from '../nameRanges';
import { relationRef } from '../refs';
import { immutableCalls } from '../immutability';
import { walk } from '../walker';

const NO_NAME: [number, string | undefined] = [0, undefined];

/**
 * Postgres' name for an index expression (FigureColnameInternal, on the raw parse tree): with its strength,
 * 2 a good name, 1 a fallback (a cast's type, `case`), 0 none (the column is then named `expr`).
 */
function figureName(node: Node): [number, string | undefined] {
  if (!node || typeof node !== 'object') return NO_NAME;
  const [type, n] = kindOf(node);
  switch (type) {
    case 'ColumnRef':
    case 'A_Indirection': {
      const fields = strList(type === 'ColumnRef' ? n.fields : n.indirection);
      if (fields.length) return [2, fields[fields.length - 1]];
      return type === 'A_Indirection' ? figureName(n.arg) : NO_NAME;
    }
    case 'FuncCall': {
      const names = strList(n.funcname);
      return [2, names[names.length - 1]];
    }
    case 'A_Expr':
      return n.kind === 'AEXPR_NULLIF' ? [2, 'nullif'] : NO_NAME;
    case 'TypeCast': {
      const inner = figureName(n.arg);
      if (inner[0] <= 1 && n.typeName) {
        const names = strList(n.typeName.names);
        return [1, names[names.length - 1]];
      }
      return inner;
    }
    case 'CollateClause':
      return figureName(n.arg);
    case 'GroupingFunc':
      return [2, 'grouping'];
    case 'SubLink':
      return n.subLinkType === 'EXISTS_SUBLINK' ? [2, 'exists'] : n.subLinkType === 'ARRAY_SUBLINK' ? [2, 'array'] : NO_NAME;
    case 'CaseExpr': {
      const inner = figureName(n.defresult);
      return inner[0] <= 1 ? [1, 'case'] : inner;
    }
    case 'A_ArrayExpr':
      return [2, 'array'];
    case 'RowExpr':
      return [2, 'row'];
    case 'CoalesceExpr':
      return [2, 'coalesce'];
    case 'MinMaxExpr':
      return n.op === 'IS_GREATEST' ? [2, 'greatest'] : n.op === 'IS_LEAST' ? [2, 'least'] : NO_NAME;
    case 'SQLValueFunction':
      // SVFOP_CURRENT_TIMESTAMP_N → current_timestamp
      return typeof n.op === 'string' ? [2, n.op.replace(/^SVFOP_/, '').replace(/_N$/, '').toLowerCase()] : NO_NAME;
    case 'XmlExpr':
      return typeof n.op === 'string' && n.op !== 'IS_DOCUMENT' ? [2, n.op.replace(/^IS_/, '').toLowerCase()] : NO_NAME;
    case 'XmlSerialize':
      return [2, 'xmlserialize'];
    default:
      return NO_NAME;
  }
}

/** The columns an expression uses (the last name of each column reference). */
function columnsIn(node: Node, out: Set<string>): void {
  if (node == null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) columnsIn(n, out);
    return;
  }
  if (node.ColumnRef) {
    const fields = strList(node.ColumnRef.fields);
    if (fields.length) out.add(fields[fields.length - 1]);
    return;
  }
  for (const k of Object.keys(node)) columnsIn(node[k], out);
}

/** An index element's name (a column's, or its expression's) and the columns it uses. */
function elementName(el: Node, uses: Set<string>): string {
  const e = el?.IndexElem ?? el;
  if (e?.name) {
    uses.add(e.name);
    return e.name;
  }
  columnsIn(e?.expr, uses);
  return e?.indexcolname ?? figureName(e?.expr)[1] ?? 'expr';
}

/** An index on `elements` (IndexElem nodes or column names) plus INCLUDE `including` (column names). */
function indexFact(elements: Node[], including: string[], where: Node, label: IndexLabel, unique: boolean, only: boolean, range: IndexFact['range'], name?: string): IndexFact {
  const uses = new Set<string>();
  const names = elements.map((el) => (typeof el === 'string' ? (uses.add(el), el) : elementName(el, uses)));
  for (const c of including) uses.add(c);
  columnsIn(where, uses);
  return { name, columns: uniqueColumnNames([...names, ...including]), uses: [...uses], label, unique, only, range };
}

/** An index constraint of a CREATE TABLE or ALTER TABLE subcommand, before Postgres merges equal ones. */
export interface PendingIndex {
  fact: IndexFact;
  primary: boolean;
  /** The constraint, and its elements (for what makes two of them equal: `shapeOf`). */
  con: Node;
  elements: Node[];
  /** DEFERRABLE / INITIALLY DEFERRED (a column's are given after it). */
  deferrable: boolean;
  initdeferred: boolean;
}

const withoutLocations = (k: string, v: unknown) => (k === 'location' ? undefined : v);

/** What makes two index constraints equal (transformIndexConstraints), but for their deferrability. */
function shapeOf(p: PendingIndex): string {
  const c = p.con;
  return JSON.stringify([p.elements, c.including, c.where_clause, c.access_method, c.nulls_not_distinct, c.exclusions], withoutLocations);
}

/**
 * The index a PRIMARY KEY / UNIQUE / EXCLUDE constraint creates (none for other constraints, or one that
 * makes an existing index a constraint, USING INDEX); `column`: a column constraint's column.
 */
export function constraintIndex(x: Extraction, scope: Scope, con: Node, column: string | undefined, only: boolean): PendingIndex | undefined {
  const t = con.contype;
  if ((t !== 'CONSTR_PRIMARY' && t !== 'CONSTR_UNIQUE' && t !== 'CONSTR_EXCLUSION') || con.indexname) return undefined;
  const label: IndexLabel = t === 'CONSTR_PRIMARY' ? 'pkey' : t === 'CONSTR_UNIQUE' ? 'key' : 'excl';
  const including = strList(con.including);
  // the elements: an exclusion's (element, operator) pairs, else the key columns
  const elements: Node[] = t === 'CONSTR_EXCLUSION' ? (con.exclusions ?? []).map((p: Node) => p?.List?.items?.[0]) : column !== undefined ? [column] : strList(con.keys);
  const range = con.conname ? findName(x, con.conname, scope.base + (con.location ?? 0)) : nameRange(x, scope, con.location);
  const fact = indexFact(elements, including, con.where_clause, label, t !== 'CONSTR_EXCLUSION', only, range, con.conname);
  return { fact, primary: t === 'CONSTR_PRIMARY', con, elements, deferrable: !!con.deferrable, initdeferred: !!con.initdeferred };
}

/**
 * The indexes of one CREATE TABLE (or one ALTER TABLE subcommand), in the order Postgres makes them
 * (transformIndexConstraints): the primary key's first; one equal to an earlier one is not made (the
 * earlier one takes its name if it has none).
 */
export function indexesOf(pending: PendingIndex[]): IndexFact[] {
  if (pending.length <= 1) return pending.length ? [pending[0].fact] : [];
  const pk = pending.find((p) => p.primary);
  const kept: PendingIndex[] = pk ? [pk] : [];
  const shapes = new Map(pending.map((p) => [p, shapeOf(p)]));
  for (const p of pending) {
    if (p === pk) continue;
    const same = kept.find((k) => shapes.get(k) === shapes.get(p) && k.deferrable === p.deferrable && k.initdeferred === p.initdeferred);
    if (!same) kept.push(p);
    else if (same.fact.name === undefined && p.fact.name !== undefined) same.fact = { ...same.fact, name: p.fact.name, range: p.fact.range };
  }
  return kept.map((k) => k.fact);
}

export const INDEX_STATEMENTS: StatementHandlers = {
  IndexStmt(x, n, scope, site) {
    const parentRef = relationRef(x, n.relation, scope, 'ON');
    const including: string[] = (n.indexIncludingParams ?? []).map((p: Node) => p?.IndexElem?.name ?? '');
    const table: string = n.relation?.relname ?? '';
    const range = n.idxname ? findName(x, n.idxname) : findName(x, 'index');
    const index = indexFact(n.indexParams ?? [], including, n.whereClause, 'idx', !!n.unique, !n.relation?.inh, range, n.idxname);
    // without a name: Postgres' `<table>_<columns>_idx` (the replay adds a number when it is taken)
    const target = n.idxname ? unqualifiedTarget(x, n.idxname) : { schema: '', name: makeObjectName(table, index.columns.join('_'), 'idx'), range };
    create(x, scope, 'relation', 'index', target, { parentRef, ifNotExists: n.if_not_exists, conditional: site.conditional, index });
    for (const p of n.indexParams ?? []) {
      walk(x, p.IndexElem?.expr, scope);
      immutableCalls(x, p.IndexElem?.expr, scope, 'index expression');
    }
    walk(x, n.whereClause, scope);
    immutableCalls(x, n.whereClause, scope, 'index predicate');
    // the indexed columns (plain ones) and INCLUDE columns must exist
    if (parentRef !== undefined && !scope.deferred) {
      for (const name of [...(n.indexParams ?? []).map((p: Node) => p?.IndexElem?.name), ...including]) {
        if (name) (x.current.columnUses ??= []).push({ ref: parentRef, name, range: findName(x, name, range.endByte) });
      }
    }
  },
  CreateStatsStmt(x, n, scope) {
    walk(x, n.relations, scope);
  },
};
