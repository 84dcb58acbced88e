/** Row-level security policies: CREATE POLICY and ALTER POLICY (table, roles, USING and WITH CHECK expressions). */
import type { Node } from '../../parser';
import { create, unqualifiedTarget } from '../creates';
import type { Extraction, Scope, StatementHandlers } from '../extraction';
import { relationRef, roleRefs, tableMemberRef } from '../refs';
import { walk } from '../walker';

/** `TO roles USING (…) WITH CHECK (…)`. */
function policyClauses(x: Extraction, n: Node, scope: Scope): void {
  roleRefs(x, n.roles, scope, 'TO');
  walk(x, n.qual, scope);
  walk(x, n.with_check, scope);
}

export const POLICY_STATEMENTS: StatementHandlers = {
  CreatePolicyStmt(x, n, scope, site) {
    const parentRef = relationRef(x, n.table, scope, 'ON');
    create(x, scope, 'policy', 'policy', unqualifiedTarget(x, n.policy_name), { parentRef, conditional: site.conditional });
    policyClauses(x, n, scope);
  },
  AlterPolicyStmt(x, n, scope) {
    relationRef(x, n.table, scope, 'ON');
    tableMemberRef(x, 'policy', n.table, n.policy_name, scope, 'ALTER POLICY', false);
    policyClauses(x, n, scope);
  },
};
