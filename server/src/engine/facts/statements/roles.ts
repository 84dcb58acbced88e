/** Roles: CREATE ROLE, GRANT role TO role, ALTER ROLE. */
import { create, unqualifiedTarget } from '../creates';
import type { StatementHandlers } from '../extraction';
import { findName } from '../nameRanges';
import { roleRefs } from '../refs';

export const ROLE_STATEMENTS: StatementHandlers = {
  CreateRoleStmt(x, n, scope, site) {
    create(x, scope, 'role', 'role', unqualifiedTarget(x, n.role), { conditional: site.conditional });
  },
  GrantRoleStmt(x, n, scope) {
    for (const g of n.granted_roles ?? []) {
      const ap = g.AccessPriv;
      if (ap?.priv_name) x.addRef({ ns: 'role', schema: null, name: ap.priv_name, range: findName(x, ap.priv_name), optional: false, via: 'GRANT' }, scope);
    }
    roleRefs(x, n.grantee_roles, scope, 'TO');
  },
  AlterRoleStmt(x, n, scope) {
    if (n.role?.roletype === 'ROLESPEC_CSTRING') roleRefs(x, [n.role], scope, 'ALTER ROLE');
  },
};
