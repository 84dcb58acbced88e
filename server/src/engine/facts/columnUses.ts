/**
 * Columns a statement names that must exist when it runs (facts `columnUses`, checked by the replay in
 * timeline/columns.ts): the helpers the statement handlers share. A column is recorded only where its
 * table is certain: a constraint's or an index's columns, an expression that sees one table and no
 * subquery (CHECK, a generated column), the columns an INSERT or UPDATE assigns, and a view's query over a
 * single table.
 */
import type { Node } from '../parser';
import type { Extraction, Scope } from './extraction';
import { findName, nameRange } from './nameRanges';
import type { SourceRange } from '../positions';

/** Column `name` of the table of reference `ref` must exist when the statement runs. */
export function useColumn(x: Extraction, ref: number, name: string, range: SourceRange, functional?: boolean): void {
  (x.current.columnUses ??= []).push(functional ? { ref, name, range, functional } : { ref, name, range });
}

/** A plain column reference's names (`col`, `t.col`, `s.t.col`), or undefined (`*`, `t.*`, a subscript). */
export function columnRefNames(e: Node): string[] | undefined {
  const fields: Node[] | undefined = e?.ColumnRef?.fields;
  if (!fields) return undefined;
  const names = fields.map((f) => f?.String?.sval);
  return names.every((v) => typeof v === 'string') ? (names as string[]) : undefined;
}

/** Where the column of a reference `names` at parser location `loc` is written (its last name). */
export function columnRange(x: Extraction, scope: Scope, names: string[], loc: number | undefined): SourceRange {
  if (names.length === 1 || loc == null || loc < 0) return nameRange(x, scope, loc);
  return findName(x, names[names.length - 1], scope.base + loc);
}

/** Whether an expression has a subquery (its names may then be the subquery's or an outer query's). */
export function hasSubquery(e: Node): boolean {
  if (e == null || typeof e !== 'object') return false;
  if (Array.isArray(e)) return e.some(hasSubquery);
  if (e.SubLink) return true;
  for (const k of Object.keys(e)) if (hasSubquery(e[k])) return true;
  return false;
}

/**
 * The columns of table `table` an expression that sees only that table names (a CHECK constraint's, a
 * generated column's, an exclusion's), given to `use`: unqualified references and ones qualified with the
 * table's name (`functional`: see ColumnUse). Nothing when the expression has a subquery (its names may be
 * the subquery's; Postgres refuses one there anyway).
 */
export function tableExpressionColumns(x: Extraction, scope: Scope, e: Node, table: string, use: (name: string, range: SourceRange, functional: boolean) => void): void {
  if (e == null || hasSubquery(e)) return;
  const visit = (n: Node): void => {
    if (n == null || typeof n !== 'object') return;
    if (Array.isArray(n)) {
      for (const c of n) visit(c);
      return;
    }
    if (n.ColumnRef) {
      const names = columnRefNames(n);
      // `t.col` / `s.t.col` with the table's own name; anything else is not a column of this table (a bare
      // name equal to the table's may be its whole row)
      if (names && ((names.length === 1 && names[0] !== table) || (names.length > 1 && names.length <= 3 && names[names.length - 2] === table))) {
        use(names[names.length - 1], columnRange(x, scope, names, n.ColumnRef.location), names.length > 1);
      }
      return;
    }
    for (const k of Object.keys(n)) visit(n[k]);
  };
  visit(e);
}
