/**
 * User-defined types: CREATE TYPE (enum, range, composite, base), CREATE DOMAIN, ALTER TYPE … (enum
 * values), ALTER DOMAIN; and CREATE AGGREGATE, which shares the parser's DefineStmt with CREATE TYPE.
 */
import type { Node } from '../../parser';
import { strList } from '../astNodes';
import { create, namesTarget, rangeVarTarget } from '../creates';
import type { Extraction, Scope, StatementHandlers } from '../extraction';
import { findName } from '../nameRanges';
import { namesRef, typeRef } from '../refs';
import { walk } from '../walker';

/** The type an ALTER TYPE / ALTER DOMAIN changes. */
function alteredType(x: Extraction, n: Node, scope: Scope, via: string): void {
  const names = strList(n.typeName);
  namesRef(x, 'type', names, scope, findName(x, names[names.length - 1] ?? ''), via);
}

export const TYPE_STATEMENTS: StatementHandlers = {
  CreateEnumStmt(x, n, scope, site) {
    const labels = (n.vals ?? []).map((v: Node) => v?.String?.sval);
    const enumLabels = labels.every((l: unknown) => typeof l === 'string') ? (labels as string[]) : undefined;
    create(x, scope, 'type', 'enum', namesTarget(x, strList(n.typeName)), { conditional: site.conditional, enumLabels });
  },
  CreateRangeStmt(x, n, scope, site) {
    create(x, scope, 'type', 'range type', namesTarget(x, strList(n.typeName)), { conditional: site.conditional });
    walk(x, n.params, scope);
  },
  CompositeTypeStmt(x, n, scope, site) {
    create(x, scope, 'type', 'composite type', rangeVarTarget(x, scope, n.typevar), { conditional: site.conditional });
    walk(x, n.coldeflist, scope);
  },
  CreateDomainStmt(x, n, scope, site) {
    create(x, scope, 'type', 'domain', namesTarget(x, strList(n.domainname)), { conditional: site.conditional });
    typeRef(x, n.typeName, scope);
    walk(x, n.constraints, scope);
  },
  DefineStmt(x, n, scope, site) {
    if (n.kind !== 'OBJECT_AGGREGATE' && n.kind !== 'OBJECT_TYPE') return;
    const aggregate = n.kind === 'OBJECT_AGGREGATE';
    create(x, scope, aggregate ? 'function' : 'type', aggregate ? 'aggregate' : 'type', namesTarget(x, strList(n.defnames)), {
      ifNotExists: n.if_not_exists,
      orReplace: n.replace,
      conditional: site.conditional,
    });
  },
  AlterEnumStmt(x, n, scope) {
    const before = x.current.refs.length;
    alteredType(x, n, scope, 'ALTER TYPE');
    if (x.current.refs.length !== before + 1 || !n.newVal) return;
    const inDoBlock = scope.body === 'do' ? true : undefined;
    if (!n.oldVal) x.current.enumValueAdded = { ref: before, label: n.newVal, ifNotExists: !!n.skipIfNewValExists, inDoBlock };
    else x.current.enumValueRenamed = { ref: before, from: n.oldVal, to: n.newVal, inDoBlock };
  },
  AlterDomainStmt(x, n, scope) {
    alteredType(x, n, scope, 'ALTER DOMAIN');
    walk(x, n.def, scope);
  },
};
