/**
 * Views and what is built from a query: CREATE VIEW, CREATE TABLE AS / CREATE MATERIALIZED VIEW,
 * REFRESH MATERIALIZED VIEW, and CREATE RULE (a view's rewrite rules).
 */
import { create, rangeVarTarget } from '../creates';
import type { StatementHandlers } from '../extraction';
import { relationRef } from '../refs';
import { walk } from '../walker';

export const VIEW_STATEMENTS: StatementHandlers = {
  ViewStmt(x, n, scope, site) {
    create(x, scope, 'relation', 'view', rangeVarTarget(x, scope, n.view), { orReplace: n.replace, conditional: site.conditional });
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
