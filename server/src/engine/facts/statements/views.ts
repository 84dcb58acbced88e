/**
 * Views and what is built from a query: CREATE VIEW, CREATE TABLE AS / CREATE MATERIALIZED VIEW,
 * REFRESH MATERIALIZED VIEW, and CREATE RULE (a view's rewrite rules).
 */
import type { Node } from '../../parser';
import { create, rangeVarTarget } from '../creates';
import type { StatementHandlers } from '../extraction';
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

export const VIEW_STATEMENTS: StatementHandlers = {
  ViewStmt(x, n, scope, site) {
    create(x, scope, 'relation', 'view', rangeVarTarget(x, scope, n.view), { orReplace: n.replace, conditional: site.conditional, viewColumns: viewColumns(n) });
    walk(x, n.query, scope);
  },
  CreateTableAsStmt(x, n, scope, site) {
    const rv = n.into?.rel;
    if (rv) create(x, scope, 'relation', n.objtype === 'OBJECT_MATVIEW' ? 'materialized view' : 'table', rangeVarTarget(x, scope, rv), { ifNotExists: n.if_not_exists, conditional: site.conditional });
    walk(x, n.query, scope);
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
