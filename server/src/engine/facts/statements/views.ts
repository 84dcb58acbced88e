/**
 * Views and what is built from a query: CREATE VIEW, CREATE TABLE AS / CREATE MATERIALIZED VIEW,
 * REFRESH MATERIALIZED VIEW, and CREATE RULE (a view's rewrite rules).
 */
import type { Node } from '../../parser';
import { create, rangeVarTarget } from '../creates';
import { columnRange, columnRefNames, useColumn } from '../columnUses';
import type { Extraction, Scope, StatementHandlers } from '../extraction';
import { relationRef } from '../refs';
import { walk } from '../walker';

/**
 * A view's column names in order, when the statement says each: the column list `create view v (a, b)`
 * (names the first columns; the rest come from the query), and the query's target list, where every entry
 * is `expr AS name` or a column reference (its last field). Undefined when some name is Postgres' choice
 * (`*`, an unnamed expression) or the query is not a plain SELECT.
 */
function viewColumns(n: Node): string[] | undefined {
  const select = n.query?.SelectStmt;
  if (!select || select.op !== 'SETOP_NONE' || select.valuesLists) return undefined;
  const names: string[] = [];
  for (const t of select.targetList ?? []) {
    const rt = t.ResTarget;
    if (!rt) return undefined;
    if (rt.name) {
      names.push(rt.name);
      continue;
    }
    const fields: Node[] | undefined = rt.val?.ColumnRef?.fields;
    const last = fields?.[fields.length - 1];
    const name = last?.String?.sval;
    if (typeof name !== 'string') return undefined;
    names.push(name);
  }
  const aliases = (n.aliases ?? []).map((a: Node) => a?.String?.sval);
  if (aliases.some((a: unknown) => typeof a !== 'string') || aliases.length > names.length) return undefined;
  return [...aliases, ...names.slice(aliases.length)];
}

/**
 * The columns a view's query reads where their table is certain: a plain SELECT (no WITH, no set operation)
 * over exactly one table, its target list and WHERE outside subqueries; unqualified names, and names
 * qualified with the table's alias (or its name, without one). An unqualified name equal to the FROM
 * item's name is the whole row, not a column.
 */
function queryColumns(x: Extraction, scope: Scope, query: Node, refsBefore: number): void {
  const s = query?.SelectStmt;
  if (scope.deferred || !s || s.op !== 'SETOP_NONE' || s.withClause || s.fromClause?.length !== 1) return;
  const rv = s.fromClause[0]?.RangeVar;
  if (!rv?.relname || rv.alias?.colnames) return;
  const at = scope.base + rv.location;
  const ref = x.current.refs.findIndex((r, i) => i >= refsBefore && r.ns === 'relation' && r.via === 'FROM' && r.range.startByte === at);
  if (ref < 0) return;
  const item: string = rv.alias?.aliasname ?? rv.relname;
  const visit = (e: Node): void => {
    if (e == null || typeof e !== 'object' || e.SubLink) return;
    if (Array.isArray(e)) {
      for (const c of e) visit(c);
      return;
    }
    if (e.ColumnRef) {
      const names = columnRefNames(e);
      if (!names) return;
      const qualified = names.length === 2 ? names[0] === item : names.length === 3 && !rv.alias && names[1] === rv.relname && names[0] === (rv.schemaname ?? names[0]);
      if ((names.length === 1 && names[0] !== item) || qualified) useColumn(x, ref, names[names.length - 1], columnRange(x, scope, names, e.ColumnRef.location), names.length > 1);
      return;
    }
    for (const k of Object.keys(e)) visit(e[k]);
  };
  visit(s.targetList);
  visit(s.whereClause);
}

export const VIEW_STATEMENTS: StatementHandlers = {
  ViewStmt(x, n, scope, site) {
    create(x, scope, 'relation', 'view', rangeVarTarget(x, scope, n.view), { orReplace: n.replace, conditional: site.conditional, viewColumns: viewColumns(n) });
    const before = x.current.refs.length;
    walk(x, n.query, scope);
    queryColumns(x, scope, n.query, before);
  },
  CreateTableAsStmt(x, n, scope, site) {
    const rv = n.into?.rel;
    if (rv) create(x, scope, 'relation', n.objtype === 'OBJECT_MATVIEW' ? 'materialized view' : 'table', rangeVarTarget(x, scope, rv), { ifNotExists: n.if_not_exists, conditional: site.conditional });
    const before = x.current.refs.length;
    walk(x, n.query, scope);
    // (IF NOT EXISTS of one that exists: the query is not looked at)
    if (!n.if_not_exists) queryColumns(x, scope, n.query, before);
  },
  RefreshMatViewStmt(x, n, scope) {
    relationRef(x, n.relation, scope, 'REFRESH MATERIALIZED VIEW');
  },
  RuleStmt(x, n, scope) {
    relationRef(x, n.relation, scope, 'ON');
    walk(x, n.actions, scope);
    walk(x, n.whereClause, scope);
  },
};
