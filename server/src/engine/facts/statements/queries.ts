/**
 * Data statements: SELECT (with SELECT INTO, which creates a table), INSERT, UPDATE, DELETE, MERGE,
 * TRUNCATE and LOCK. (EXPLAIN and statements without tracked object references have no handler.)
 */
import type { Node } from '../../parser';
import { create, rangeVarTarget } from '../creates';
import type { Extraction, Scope, StatementHandler, StatementHandlers, StatementSite } from '../extraction';
import { relationRef } from '../refs';
import { query } from '../walker';

function queryStatement(x: Extraction, n: Node, scope: Scope, site: StatementSite): void {
  if (site.type === 'SelectStmt' && n.intoClause?.rel) create(x, scope, 'relation', 'table', rangeVarTarget(x, scope, n.intoClause.rel), { conditional: site.conditional });
  query(x, site.type, n, scope);
}

/** A statement on a list of tables. */
function onRelations(via: string): StatementHandler {
  return (x, n, scope) => {
    for (const r of n.relations ?? []) relationRef(x, r.RangeVar, scope, via);
  };
}

export const QUERY_STATEMENTS: StatementHandlers = {
  SelectStmt: queryStatement,
  InsertStmt: queryStatement,
  UpdateStmt: queryStatement,
  DeleteStmt: queryStatement,
  MergeStmt: queryStatement,
  TruncateStmt: onRelations('TRUNCATE'),
  LockStmt: onRelations('LOCK'),
};
