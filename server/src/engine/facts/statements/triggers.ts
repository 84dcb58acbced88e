/** Triggers: CREATE TRIGGER (on its table, with the function it executes) and CREATE EVENT TRIGGER. */
import type { Node } from '../../parser';
import { strList } from '../astNodes';
import { create, unqualifiedTarget } from '../creates';
import type { Extraction, Scope, StatementHandlers } from '../extraction';
import { afterKeyword, findName } from '../nameRanges';
import { namesRef, relationRef } from '../refs';
import { walk } from '../walker';

/** `EXECUTE FUNCTION name()` / `EXECUTE PROCEDURE name()`. */
function executedFunction(x: Extraction, n: Node, scope: Scope): void {
  const fn = strList(n.funcname);
  namesRef(x, 'function', fn, scope, findName(x, fn[fn.length - 1], afterKeyword(x, 'function') ?? afterKeyword(x, 'procedure')), 'EXECUTE FUNCTION');
}

export const TRIGGER_STATEMENTS: StatementHandlers = {
  CreateTrigStmt(x, n, scope, site) {
    const parentRef = relationRef(x, n.relation, scope, 'ON');
    create(x, scope, 'trigger', 'trigger', unqualifiedTarget(x, n.trigname), { parentRef, orReplace: n.replace, conditional: site.conditional });
    executedFunction(x, n, scope);
    walk(x, n.whenClause, scope);
  },
  CreateEventTrigStmt(x, n, scope) {
    executedFunction(x, n, scope);
  },
};
