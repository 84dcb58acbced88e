/** Indexes and statistics on tables: CREATE INDEX (its table, expressions, WHERE) and CREATE STATISTICS. */
import { create, unqualifiedTarget } from '../creates';
import type { StatementHandlers } from '../extraction';
import { relationRef } from '../refs';
import { walk } from '../walker';

export const INDEX_STATEMENTS: StatementHandlers = {
  IndexStmt(x, n, scope, site) {
    const parentRef = relationRef(x, n.relation, scope, 'ON');
    if (n.idxname) create(x, scope, 'relation', 'index', unqualifiedTarget(x, n.idxname), { parentRef, ifNotExists: n.if_not_exists, conditional: site.conditional });
    for (const p of n.indexParams ?? []) walk(x, p.IndexElem?.expr, scope);
    walk(x, n.whereClause, scope);
  },
  CreateStatsStmt(x, n, scope) {
    walk(x, n.relations, scope);
  },
};
