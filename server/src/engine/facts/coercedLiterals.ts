/**
 * String literals without a cast that Postgres converts to a column's type when it analyses the statement:
 * compared with the column (`col = 'x'`, `'x' <> col`, `col < 'x'`, `col [NOT] IN ('x', 'y')`,
 * `col IS [NOT] DISTINCT FROM 'x'`) in an expression that sees one table (a CHECK, a policy, an index
 * predicate) or in the WHERE of a query whose FROM names tables (a subquery, a view, a SQL function body,
 * `UPDATE` / `DELETE` in a migration), assigned by `UPDATE … SET col = 'x'`, a column's `SET DEFAULT 'x'`,
 * and the values of `INSERT … VALUES`. Where the statement itself
 * writes the column's type (CREATE TABLE, ADD COLUMN) they become `literalCasts` of that type; otherwise
 * `columnLiterals`, which the replay types with the column as it is then (timeline/enumLabels.ts).
 */
import type { Node } from '../parser';
import type { Extraction, Scope } from './extraction';
import { utf8Length, type SourceRange } from '../positions';

/** A string literal compared with a column (`qualifier.column` or `column`), and where it is (a parser location). */
export interface ComparedLiteral {
  qualifier?: string;
  column: string;
  value: string;
  loc: number;
}

const COMPARISONS = new Set(['=', '<>', '<', '>', '<=', '>=']);

/**
 * Comparisons of a column (a plain or once-qualified name) with string literals in expression `e`, with
 * `table`: only those of its columns (unqualified, or qualified with its name). Subqueries have their own
 * FROM: not looked into (walker.ts `query` reads each).
 */
export function comparedLiterals(e: Node, table: string | null, out: ComparedLiteral[] = []): ComparedLiteral[] {
  if (!e || typeof e !== 'object') return out;
  if (Array.isArray(e)) {
    for (const c of e) comparedLiterals(c, table, out);
    return out;
  }
  if (e.SubLink) return out;
  const a = e.A_Expr;
  if (a) {
    const op = operatorName(a.name);
    const add = (c: { qualifier?: string; column: string }, v: { value: string; loc: number }) => {
      if (table === null || c.qualifier === undefined || c.qualifier === table) out.push({ ...c, ...v, qualifier: table === null ? c.qualifier : undefined });
    };
    if ((a.kind === 'AEXPR_OP' && op !== undefined && COMPARISONS.has(op)) || ((a.kind === 'AEXPR_DISTINCT' || a.kind === 'AEXPR_NOT_DISTINCT') && op === '=')) {
      const l = columnOf(a.lexpr);
      const r = columnOf(a.rexpr);
      const ls = stringOf(a.lexpr);
      const rs = stringOf(a.rexpr);
      if (l && rs) {
        add(l, rs);
        return out;
      }
      if (r && ls) {
        add(r, ls);
        return out;
      }
    } else if (a.kind === 'AEXPR_IN' && (op === '=' || op === '<>')) {
      // every item a string: they and the column get one type, the column's (transformAExprIn)
      const col = columnOf(a.lexpr);
      const items: Node[] | undefined = a.rexpr?.List?.items ?? (Array.isArray(a.rexpr) ? a.rexpr : undefined);
      const values = items?.map(stringOf);
      if (col && values?.length && values.every((v) => v !== undefined)) {
        for (const v of values) add(col, v!);
        return out;
      }
    }
  }
  for (const v of Object.values(e)) if (v && typeof v === 'object') comparedLiterals(v as Node, table, out);
  return out;
}

/** `=`, or `OPERATOR(pg_catalog.=)`; undefined for an operator of another schema. */
function operatorName(name: Node[] | undefined): string | undefined {
  const parts = (name ?? []).map((n) => n?.String?.sval);
  if (parts.length === 1) return parts[0];
  if (parts.length === 2 && parts[0] === 'pg_catalog') return parts[1];
  return undefined;
}

/** A plain column: `col` or `qualifier.col`. */
function columnOf(n: Node): { qualifier?: string; column: string } | undefined {
  const fields: Node[] | undefined = n?.ColumnRef?.fields;
  if (!fields) return undefined;
  const names = fields.map((f) => f?.String?.sval);
  if (!names.every((s) => typeof s === 'string')) return undefined;
  if (names.length === 1) return { column: names[0] };
  if (names.length === 2) return { qualifier: names[0], column: names[1] };
  return undefined;
}

/** A string constant (`'x'`, not `'x'::text`), and where it is. */
export function stringOf(n: Node): { value: string; loc: number } | undefined {
  const c = n?.A_Const;
  const value = c?.sval?.sval;
  return typeof value === 'string' && typeof c.location === 'number' && c.location >= 0 ? { value, loc: c.location } : undefined;
}

/** The reference `typeRef` added at index `at` for type name `tn`, when it names a user-defined type (not an array). */
export function userTypeRef(x: Extraction, tn: Node, at: number): number | undefined {
  return tn && !tn.arrayBounds && !tn.pct_type && x.current.refs.length > at && x.current.refs[at].ns === 'type' ? at : undefined;
}

/** Where string literal `value` is written, from its parser location. */
export function literalRange(x: Extraction, value: string, loc: number, scope: Scope): SourceRange {
  const start = scope.base + loc;
  // the literal as written: quotes, and a doubled quote for each quote in the value
  const length = utf8Length(value) + 2 + (value.match(/'/g)?.length ?? 0);
  return x.range(start, start + length);
}

/** A literal converted to the type of column `column` of table reference `ref` when the statement runs. */
export function columnLiteral(x: Extraction, ref: number, column: string | number, value: string, loc: number, scope: Scope): void {
  (x.current.columnLiterals ??= []).push({ ref, column, value, range: literalRange(x, value, loc, scope) });
}

/** `INSERT INTO t [(cols)] VALUES (…), …`: each string value, converted to its column's type (by name or position). */
export function insertedLiterals(x: Extraction, n: Node, ref: number, scope: Scope): void {
  const rows: Node[] | undefined = n.selectStmt?.SelectStmt?.valuesLists;
  if (!rows?.length || n.selectStmt.SelectStmt.withClause) return;
  const cols: Node[] | undefined = n.cols;
  // a column list naming a field or an element (`col.f`, `col[1]`): not the column's type
  const names = cols?.map((c) => (c?.ResTarget?.indirection ? undefined : c?.ResTarget?.name));
  for (const row of rows) {
    const items: Node[] = row?.List?.items ?? [];
    items.forEach((item, i) => {
      const s = stringOf(item);
      if (!s) return;
      const column = names ? names[i] : i;
      if (column !== undefined) columnLiteral(x, ref, column, s.value, s.loc, scope);
    });
  }
}

/**
 * A query's strings converted to its tables' column types: comparisons in its WHERE with a column of a table
 * of its FROM (qualified with its name or alias; unqualified when the FROM is that one table), and for
 * UPDATE the `SET col = 'x'` values and, without FROM, its WHERE. `target`: the UPDATE / DELETE table's
 * reference.
 */
export function queryLiterals(x: Extraction, type: string, n: Node, target: number | undefined, scope: Scope): void {
  if (type === 'UpdateStmt' || type === 'DeleteStmt') {
    if (target === undefined) return;
    for (const t of type === 'UpdateStmt' ? (n.targetList ?? []) : []) {
      const rt = t?.ResTarget;
      const s = rt?.name && !rt.indirection ? stringOf(rt.val) : undefined;
      if (s) columnLiteral(x, target, rt.name, s.value, s.loc, scope);
    }
    if ((n.fromClause ?? n.usingClause)?.length) return;
    for (const l of comparedLiterals(n.whereClause, n.relation?.alias?.aliasname ?? n.relation?.relname)) columnLiteral(x, target, l.column, l.value, l.loc, scope);
    return;
  }
  if (type !== 'SelectStmt' || !n.whereClause || !n.fromClause?.length) return;
  const items: { name: string; ref: number | undefined }[] = [];
  let plain = true;
  const visit = (f: Node): void => {
    if (f?.RangeVar) items.push({ name: f.RangeVar.alias?.aliasname ?? f.RangeVar.relname, ref: x.relationRefs.get(f.RangeVar) });
    else if (f?.JoinExpr) {
      plain = false;
      visit(f.JoinExpr.larg);
      visit(f.JoinExpr.rarg);
    } else plain = false;
  };
  for (const f of n.fromClause) visit(f);
  for (const l of comparedLiterals(n.whereClause, null)) {
    const item = l.qualifier === undefined ? (plain && items.length === 1 ? items[0] : undefined) : items.find((i) => i.name === l.qualifier);
    // (a name two FROM items have: Postgres refuses the query)
    if (item?.ref !== undefined && items.filter((i) => i.name === item.name).length === 1) columnLiteral(x, item.ref, l.column, l.value, l.loc, scope);
  }
}
