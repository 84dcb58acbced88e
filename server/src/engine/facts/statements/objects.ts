/**
 * Statements on any kind of object, named the DROP / COMMENT way: DROP, RENAME (objects, columns, a
 * composite type's attributes, constraints, triggers, policies), ALTER … SET SCHEMA, ALTER … OWNER TO,
 * COMMENT ON.
 */
import type { Node } from '../../parser';
import type { Extraction, Scope, StatementHandlers } from '../extraction';
import { afterKeyword, findName, nameRange } from '../nameRanges';
import { namesRef, objectRef, relationRef, roleRefs, schemaRef, tableMemberRef } from '../refs';
import { alterTableEffect } from './tables';
import { strList } from '../astNodes';
import { useColumn } from '../columnUses';

function rename(x: Extraction, n: Node, scope: Scope): void {
  const t: string = n.renameType;
  const optional = !!n.missing_ok;
  if (t === 'OBJECT_ATTRIBUTE') {
    // ALTER TYPE … RENAME ATTRIBUTE: of a composite type
    const rv = n.relation;
    if (rv?.relname) namesRef(x, 'type', rv.schemaname ? [rv.schemaname, rv.relname] : [rv.relname], scope, nameRange(x, scope, rv.location), 'ALTER TYPE', optional);
    return;
  }
  if (t === 'OBJECT_COLUMN' || t === 'OBJECT_TABCONSTRAINT') {
    const ref = relationRef(x, n.relation, scope, 'ALTER TABLE', optional);
    if (ref === undefined) return;
    const effect = alterTableEffect(ref);
    if (scope.body === 'do') effect.inDoBlock = true;
    // (a constraint's index is renamed with it)
    if (t === 'OBJECT_COLUMN' && !optional && !scope.deferred) useColumn(x, ref, n.subname, findName(x, n.subname));
    if (t === 'OBJECT_COLUMN') {
      effect.renameColumns.push([n.subname, n.newname]);
      // the new name, written after the old one
      const from = findName(x, n.subname, afterKeyword(x, 'rename'));
      effect.renamedTo = [{ name: n.newname, range: findName(x, n.newname, from.endByte) }];
    } else effect.renameConstraints = [[n.subname, n.newname]];
    x.current.effects.push(effect);
    return;
  }
  if (t === 'OBJECT_POLICY' || t === 'OBJECT_TRIGGER') {
    relationRef(x, n.relation, scope, 'ON', optional);
    const ref = tableMemberRef(x, t === 'OBJECT_POLICY' ? 'policy' : 'trigger', n.relation, n.subname, scope, 'RENAME', optional);
    x.current.effects.push({ type: 'rename', ref, newName: n.newname });
    return;
  }
  const ref = n.relation ? relationRef(x, n.relation, scope, 'RENAME', optional) : objectRef(x, t, n.object, scope, 'RENAME', optional);
  if (ref !== undefined) x.current.effects.push({ type: 'rename', ref, newName: n.newname });
}

export const OBJECT_STATEMENTS: StatementHandlers = {
  DropStmt(x, n, scope) {
    const cascade = n.behavior === 'DROP_CASCADE';
    for (const obj of n.objects ?? []) {
      const ref = objectRef(x, n.removeType, obj, scope, 'DROP', !!n.missing_ok);
      if (ref !== undefined) x.current.effects.push({ type: 'drop', ref, cascade });
    }
  },
  RenameStmt: rename,
  AlterObjectSchemaStmt(x, n, scope) {
    const ref = n.relation
      ? relationRef(x, n.relation, scope, 'SET SCHEMA', !!n.missing_ok)
      : objectRef(x, n.objectType, n.object, scope, 'SET SCHEMA', !!n.missing_ok);
    if (ref !== undefined) x.current.effects.push({ type: 'rename', ref, newSchema: n.newschema });
    schemaRef(x, n.newschema, findName(x, n.newschema, afterKeyword(x, 'schema')), scope, 'SET SCHEMA');
  },
  AlterOwnerStmt(x, n, scope) {
    if (n.relation) relationRef(x, n.relation, scope, 'ALTER', false);
    else objectRef(x, n.objectType, n.object, scope, 'ALTER', false);
    roleRefs(x, [n.newowner], scope, 'OWNER TO');
  },
  CommentStmt(x, n, scope) {
    const ref = objectRef(x, n.objtype, n.object, scope, 'COMMENT ON', false);
    // COMMENT ON COLUMN t.col: the column must exist
    if (n.objtype === 'OBJECT_COLUMN' && ref !== undefined && !scope.deferred) {
      const column = strList(n.object?.List?.items).pop();
      if (column) useColumn(x, ref, column, findName(x, column, x.current.refs[ref].range.endByte));
    }
  },
};
