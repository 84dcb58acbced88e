/** Row-level security policies: CREATE POLICY and ALTER POLICY (table, roles, USING and WITH CHECK expressions). */
import type { Node } from '../../parser';
import { create, unqualifiedTarget } from '../creates';
import type { Extraction, Scope, StatementHandlers } from '../extraction';
import { nameRange } from '../nameRanges';
import { relationRef, roleRefs, tableMemberRef } from '../refs';
import { walk } from '../walker';
import { columnLiteral, comparedLiterals } from '../coercedLiterals';

/** `TO roles USING (…) WITH CHECK (…)`. */
function policyClauses(x: Extraction, n: Node, scope: Scope, ref: number | undefined): void {
  roleRefs(x, n.roles, scope, 'TO');
  walk(x, n.qual, scope);
  walk(x, n.with_check, scope);
  const table: string | undefined = n.table?.relname;
  if (table) for (const e of [n.qual, n.with_check]) foreignQualifiers(x, e, table, scope, ref);
  // a column compared with a string: Postgres converts the string to the column's type when it makes the policy
  if (table && ref !== undefined && !scope.deferred) for (const l of comparedLiterals([n.qual, n.with_check], table)) columnLiteral(x, ref, l.column, l.value, l.loc, scope);
}

/**
 * A policy expression sees one table, the policy's own: a column qualified with another name outside a
 * subquery (`new.owner_id`, `old.status`: there are no OLD / NEW rows in a policy) is `missing FROM-clause
 * entry` when Postgres creates the policy. Subqueries have their own FROM: not looked into.
 */
function foreignQualifiers(x: Extraction, e: Node, table: string, scope: Scope, ref: number | undefined): void {
  if (!e || typeof e !== 'object') return;
  if (Array.isArray(e)) {
    for (const c of e) foreignQualifiers(x, c, table, scope, ref);
    return;
  }
  if (e.SubLink) {
    foreignQualifiers(x, e.SubLink.testexpr, table, scope, ref);
    return;
  }
  const fields: Node[] | undefined = e.ColumnRef?.fields;
  if (fields) {
    const names = fields.map((f) => f?.String?.sval);
    // `t.col` and `schema.t.col` name table t; a star or a non-name field: not a plain column
    const qualifier = names.length === 2 ? names[0] : names.length === 3 ? names[1] : undefined;
    if (typeof qualifier === 'string' && names.every((v) => typeof v === 'string') && qualifier !== table) {
      (x.current.missingFrom ??= []).push({ name: qualifier, range: nameRange(x, scope, e.ColumnRef.location) });
    } else if (ref !== undefined && !scope.deferred && names.every((v) => typeof v === 'string') && names.length <= 3) {
      // the policy's table's own column (unqualified, or qualified with the table's name)
      const column = names[names.length - 1] as string;
      (x.current.columnUses ??= []).push({ ref, name: column, range: nameRange(x, scope, e.ColumnRef.location) });
    }
    return;
  }
  for (const v of Object.values(e)) if (v && typeof v === 'object') foreignQualifiers(x, v as Node, table, scope, ref);
}

export const POLICY_STATEMENTS: StatementHandlers = {
  CreatePolicyStmt(x, n, scope, site) {
    const parentRef = relationRef(x, n.table, scope, 'ON');
    create(x, scope, 'policy', 'policy', unqualifiedTarget(x, n.policy_name), { parentRef, conditional: site.conditional });
    policyClauses(x, n, scope, parentRef);
  },
  AlterPolicyStmt(x, n, scope) {
    const ref = relationRef(x, n.table, scope, 'ON');
    tableMemberRef(x, 'policy', n.table, n.policy_name, scope, 'ALTER POLICY', false);
    policyClauses(x, n, scope, ref);
  },
};
