/**
 * String literals without a cast that Postgres converts to a column's type when it analyses the statement:
 * compared with the column (`col = 'x'`, `'x' <> col`, `col < 'x'`, `col [NOT] IN ('x', 'y')`,
 * `col IS [NOT] DISTINCT FROM 'x'`) in an expression that sees one table (a CHECK, a policy, an index
 * predicate), a column's `SET DEFAULT 'x'`, and the values of `INSERT … VALUES`. Where the statement itself
 * writes the column's type (CREATE TABLE, ADD COLUMN) they become `literalCasts` of that type; otherwise
 * `columnLiterals`, which the replay types with the column as it is then (timeline/enumLabels.ts).
 */
import type { Node } from '../parser';
import type { Extraction, Scope } from './extraction';
import { utf8Length, type SourceRange } from '../positions';

/** A string literal compared with a column of the expression's table, and where it is (a parser location). */
export interface ComparedLiteral {
  column: string;
  value: string;
  loc: number;
}

const COMPARISONS = new Set(['=', '<>', '<', '>', '<=', '>=']);

/**
 * Comparisons of a column of `table` (unqualified, or qualified with the table's name) with string literals
 * in expression `e`. Subqueries see other tables: not looked into.
 */
export function comparedLiterals(e: Node, table: string | undefined, out: ComparedLiteral[] = []): ComparedLiteral[] {
  if (!e || typeof e !== 'object') return out;
  if (Array.isArray(e)) {
    for (const c of e) comparedLiterals(c, table, out);
    return out;
  }
  if (e.SubLink) return out;
  const a = e.A_Expr;
  if (a) {
    const op = operatorName(a.name);
    if ((a.kind === 'AEXPR_OP' && op !== undefined && COMPARISONS.has(op)) || ((a.kind === 'AEXPR_DISTINCT' || a.kind === 'AEXPR_NOT_DISTINCT') && op === '=')) {
      const l = columnOf(a.lexpr, table);
      const r = columnOf(a.rexpr, table);
      const ls = stringOf(a.lexpr);
      const rs = stringOf(a.rexpr);
      if (l !== undefined && rs) {
        out.push({ column: l, ...rs });
        return out;
      }
      if (r !== undefined && ls) {
        out.push({ column: r, ...ls });
        return out;
      }
    } else if (a.kind === 'AEXPR_IN' && (op === '=' || op === '<>')) {
      // every item a string: they and the column get one type, the column's (transformAExprIn)
      const col = columnOf(a.lexpr, table);
      const items: Node[] | undefined = a.rexpr?.List?.items ?? (Array.isArray(a.rexpr) ? a.rexpr : undefined);
      const values = items?.map(stringOf);
      if (col !== undefined && values?.length && values.every((v) => v !== undefined)) {
        for (const v of values) out.push({ column: col, ...v! });
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

/** A plain column of `table`: `col` or `table.col`. */
function columnOf(n: Node, table: string | undefined): string | undefined {
  const fields: Node[] | undefined = n?.ColumnRef?.fields;
  if (!fields) return undefined;
  const names = fields.map((f) => f?.String?.sval);
  if (!names.every((s) => typeof s === 'string')) return undefined;
  if (names.length === 1) return names[0];
  if (names.length === 2 && table !== undefined && names[0] === table) return names[1];
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
