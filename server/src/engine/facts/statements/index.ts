/**
 * The statement dispatch: one table from the parser's node type (`CreateStmt`, `GrantStmt`, …) to the
 * handler that reads it, made from the groups by object kind. Node types without a handler
 * (transactions, NOTIFY, EXPLAIN, …) have no object references extraction tracks.
 */
import type { Node } from '../../parser';
import type { Extraction, Scope, StatementHandler, StatementHandlers, StatementSite } from '../extraction';
import { SETTING_STATEMENTS } from '../searchPath';
import { FUNCTION_STATEMENTS } from './functions';
import { INDEX_STATEMENTS } from './indexes';
import { OBJECT_STATEMENTS } from './objects';
import { POLICY_STATEMENTS } from './policies';
import { PRIVILEGE_STATEMENTS } from './privileges';
import { PUBLICATION_STATEMENTS } from './publications';
import { QUERY_STATEMENTS } from './queries';
import { ROLE_STATEMENTS } from './roles';
import { SCHEMA_STATEMENTS } from './schemas';
import { SEQUENCE_STATEMENTS } from './sequences';
import { TABLE_STATEMENTS } from './tables';
import { TRIGGER_STATEMENTS } from './triggers';
import { TYPE_STATEMENTS } from './types';
import { VIEW_STATEMENTS } from './views';

const GROUPS: StatementHandlers[] = [
  SCHEMA_STATEMENTS,
  TABLE_STATEMENTS,
  VIEW_STATEMENTS,
  SEQUENCE_STATEMENTS,
  INDEX_STATEMENTS,
  TYPE_STATEMENTS,
  FUNCTION_STATEMENTS,
  TRIGGER_STATEMENTS,
  POLICY_STATEMENTS,
  ROLE_STATEMENTS,
  PRIVILEGE_STATEMENTS,
  PUBLICATION_STATEMENTS,
  OBJECT_STATEMENTS,
  QUERY_STATEMENTS,
  SETTING_STATEMENTS,
];

const HANDLERS = new Map<string, StatementHandler>();
for (const group of GROUPS) {
  for (const [type, handler] of Object.entries(group)) {
    if (HANDLERS.has(type)) throw new Error(`two handlers for ${type}`);
    HANDLERS.set(type, handler);
  }
}

/** The node types that have a handler. */
export const HANDLED_STATEMENTS: ReadonlySet<string> = new Set(HANDLERS.keys());

/** Read a statement node with the handler for its type (none: nothing to record). */
export function dispatchStatement(x: Extraction, n: Node, scope: Scope, site: StatementSite): void {
  HANDLERS.get(site.type)?.(x, n, scope, site);
}
