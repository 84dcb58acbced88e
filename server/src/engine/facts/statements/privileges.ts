/** Privileges: GRANT / REVOKE on objects or ALL … IN SCHEMA, and ALTER DEFAULT PRIVILEGES. */
import type { Node } from '../../parser';
import { str, strList } from '../astNodes';
import { useColumn } from '../columnUses';
import type { StatementHandlers } from '../extraction';
import { afterKeyword, findName } from '../nameRanges';
import { objectRef, relationRef, roleRefs, schemaRef } from '../refs';

export const PRIVILEGE_STATEMENTS: StatementHandlers = {
  GrantStmt(x, n, scope) {
    roleRefs(x, n.grantees, scope, n.is_grant ? 'TO' : 'FROM');
    if (n.targtype === 'ACL_TARGET_ALL_IN_SCHEMA') {
      for (const s of n.objects ?? []) {
        const name = str(s) ?? '';
        schemaRef(x, name, findName(x, name, afterKeyword(x, 'schema')), scope, 'IN SCHEMA');
      }
      return;
    }
    if (n.targtype !== 'ACL_TARGET_OBJECT') return;
    const via = n.is_grant ? 'GRANT ON' : 'REVOKE ON';
    // column privileges (`grant select (a, b) on t`): each column of each table must exist
    const columns: string[] = (n.privileges ?? []).flatMap((p: Node) => strList(p?.AccessPriv?.cols));
    for (const o of n.objects ?? []) {
      if (o.RangeVar) {
        const ref = relationRef(x, o.RangeVar, scope, via);
        if (ref !== undefined && !scope.deferred) for (const c of columns) useColumn(x, ref, c, findName(x, c));
      } else objectRef(x, n.objtype, o, scope, via, false);
    }
  },
  AlterDefaultPrivilegesStmt(x, n, scope) {
    for (const o of n.options ?? []) {
      const d = o.DefElem;
      if (d?.defname === 'schemas') for (const s of d.arg?.List?.items ?? []) schemaRef(x, str(s) ?? '', findName(x, str(s) ?? ''), scope, 'IN SCHEMA');
      if (d?.defname === 'roles') roleRefs(x, d.arg?.List?.items, scope, 'FOR ROLE');
    }
    if (n.action?.grantees) roleRefs(x, n.action.grantees, scope, 'TO');
  },
};
