/** Triggers: CREATE TRIGGER (on its table, with the function it executes) and CREATE EVENT TRIGGER. */
import type { Node } from '../../parser';
import { strList } from '../astNodes';
import { create, unqualifiedTarget } from '../creates';
import type { Extraction, Scope, StatementHandlers } from '../extraction';
import { afterKeyword, findName } from '../nameRanges';
import { namesRef, relationRef } from '../refs';
import { walk } from '../walker';
import { columnRange, columnRefNames, useColumn } from '../columnUses';

/** `EXECUTE FUNCTION name()` / `EXECUTE PROCEDURE name()`. */
function executedFunction(x: Extraction, n: Node, scope: Scope): void {
  const fn = strList(n.funcname);
  namesRef(x, 'function', fn, scope, findName(x, fn[fn.length - 1], afterKeyword(x, 'function') ?? afterKeyword(x, 'procedure')), 'EXECUTE FUNCTION');
}

/** `old.col` / `new.col` in a trigger's WHEN (it has no subqueries: Postgres refuses them there). */
function rowColumns(e: Node, use: (names: string[], loc: number) => void): void {
  if (e == null || typeof e !== 'object') return;
  if (Array.isArray(e)) return e.forEach((c) => rowColumns(c, use));
  if (e.SubLink) return;
  if (e.ColumnRef) {
    const names = columnRefNames(e);
    if (names?.length === 2 && (names[0] === 'old' || names[0] === 'new')) use(names, e.ColumnRef.location);
    return;
  }
  for (const k of Object.keys(e)) rowColumns(e[k], use);
}

export const TRIGGER_STATEMENTS: StatementHandlers = {
  CreateTrigStmt(x, n, scope, site) {
    const parentRef = relationRef(x, n.relation, scope, 'ON');
    create(x, scope, 'trigger', 'trigger', unqualifiedTarget(x, n.trigname), { parentRef, orReplace: n.replace, conditional: site.conditional });
    executedFunction(x, n, scope);
    walk(x, n.whenClause, scope);
    if (parentRef !== undefined && !scope.deferred) {
      // UPDATE OF columns must exist, and the table's columns WHEN reads as OLD.col / NEW.col
      for (const c of strList(n.columns)) useColumn(x, parentRef, c, findName(x, c, afterKeyword(x, 'of')));
      rowColumns(n.whenClause, (names, loc) => useColumn(x, parentRef, names[1], columnRange(x, scope, names, loc)));
    }
  },
  CreateEventTrigStmt(x, n, scope) {
    executedFunction(x, n, scope);
  },
};
