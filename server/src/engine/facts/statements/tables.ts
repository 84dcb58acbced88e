/**
 * Tables: CREATE TABLE / CREATE FOREIGN TABLE (columns, primary and foreign keys, LIKE, INHERITS,
 * PARTITION OF, OF type) and ALTER TABLE's column, constraint, row-level-security and owner changes.
 * Columns that look like foreign keys but have none get the byte where a `references …` clause can go.
 */
import type { Node } from '../../parser';
import type { ObjectKind } from '../../types';
import { strList } from '../astNodes';
import { create, rangeVarTarget } from '../creates';
import type { Extraction, Scope, StatementHandlers } from '../extraction';
import type { AlterTableEffect, ColumnFact, ForeignKeyFact } from '../model';
import { endOfType, nameRange } from '../nameRanges';
import { relationRef, roleRefs, typeRef } from '../refs';
import { walk } from '../walker';

/** A FOREIGN KEY / REFERENCES constraint; none when the referenced table is a local one. */
function foreignKey(x: Extraction, con: Node, scope: Scope): ForeignKeyFact | undefined {
  const ref = relationRef(x, con.pktable, scope, 'REFERENCES');
  return ref === undefined ? undefined : { columns: strList(con.fk_attrs), ref, refColumns: strList(con.pk_attrs) };
}

/** A column definition; a column named like a foreign key without one goes to `pending`. */
function column(x: Extraction, cd: Node, scope: Scope, pending: ColumnFact[]): ColumnFact {
  const t = typeRef(x, cd.typeName, scope);
  const col: ColumnFact = {
    name: cd.colname,
    type: t.type,
    display: t.display,
    notNull: false,
    primaryKey: false,
    range: nameRange(x, scope, cd.location),
  };
  for (const c of cd.constraints ?? []) {
    const con = c.Constraint;
    if (!con) continue;
    if (con.contype === 'CONSTR_NOTNULL') col.notNull = true;
    else if (con.contype === 'CONSTR_PRIMARY') {
      col.primaryKey = true;
      col.notNull = true;
    } else if (con.contype === 'CONSTR_FOREIGN') {
      const ref = relationRef(x, con.pktable, scope, 'REFERENCES');
      if (ref !== undefined) col.references = { ref, columns: strList(con.pk_attrs) };
    } else if (con.contype === 'CONSTR_IDENTITY') col.notNull = true;
    else walk(x, con.raw_expr ?? con.cooked_expr, scope);
  }
  if (!col.references && x.fkPatterns.some((p) => p.test(col.name))) pending.push(col);
  return col;
}

/** Where a `references …` clause can go for each column: right after its type. */
function setInsertPoints(x: Extraction, pending: ColumnFact[]): void {
  for (const col of pending) col.insertAt = endOfType(x, col.range.endByte);
}

function createTable(x: Extraction, n: Node, scope: Scope, conditional: boolean, kind: ObjectKind): void {
  const rv = n.relation;
  const temp = rv.relpersistence === 't';
  const columns: ColumnFact[] = [];
  const foreignKeys: ForeignKeyFact[] = [];
  let primaryKey: string[] | undefined;
  const pending: ColumnFact[] = [];
  const target = rangeVarTarget(x, scope, rv);
  if (temp) target.schema = 'pg_temp';
  const created = create(x, scope, 'relation', n.partspec ? 'partitioned table' : kind, target, { ifNotExists: n.if_not_exists, conditional, columns, foreignKeys });
  if (temp) scope.locals.add(rv.relname);
  for (const el of n.tableElts ?? []) {
    if (el.ColumnDef) {
      const col = column(x, el.ColumnDef, scope, pending);
      columns.push(col);
      if (col.primaryKey) primaryKey = [col.name];
    } else if (el.Constraint) {
      const c = el.Constraint;
      if (c.contype === 'CONSTR_PRIMARY') primaryKey = strList(c.keys);
      else if (c.contype === 'CONSTR_FOREIGN') {
        const fk = foreignKey(x, c, scope);
        if (fk) foreignKeys.push(fk);
      } else walk(x, c.raw_expr, scope);
    } else if (el.TableLikeClause) {
      relationRef(x, el.TableLikeClause.relation, scope, 'LIKE');
    }
  }
  for (const inh of n.inhRelations ?? []) relationRef(x, inh.RangeVar, scope, n.partbound ? 'PARTITION OF' : 'INHERITS');
  if (n.ofTypename) typeRef(x, n.ofTypename, scope, 'OF');
  if (primaryKey) {
    // (none inside a function body: it creates nothing until the function runs)
    if (created) created.primaryKey = primaryKey;
    for (const c of columns) if (primaryKey.includes(c.name)) c.notNull = true;
  }
  if (pending.length) setInsertPoints(x, pending);
}

function alterTable(x: Extraction, n: Node, scope: Scope): void {
  const kind = n.objtype ?? 'OBJECT_TABLE';
  const ref = relationRef(x, n.relation, scope, kind === 'OBJECT_TABLE' ? 'ALTER TABLE' : 'ALTER', !!n.missing_ok);
  if (ref === undefined) return;
  const effect: AlterTableEffect = { type: 'alter-table', ref, addColumns: [], dropColumns: [], renameColumns: [], alterTypes: [], foreignKeys: [] };
  const pending: ColumnFact[] = [];
  for (const c of n.cmds ?? []) {
    const cmd = c.AlterTableCmd;
    if (!cmd) continue;
    switch (cmd.subtype) {
      case 'AT_AddColumn':
        if (cmd.def?.ColumnDef) effect.addColumns.push(column(x, cmd.def.ColumnDef, scope, pending));
        break;
      case 'AT_DropColumn':
        if (cmd.name) effect.dropColumns.push(cmd.name);
        break;
      case 'AT_AlterColumnType': {
        const t = typeRef(x, cmd.def?.ColumnDef?.typeName, scope);
        if (cmd.name) effect.alterTypes.push([cmd.name, t.type, t.display]);
        walk(x, cmd.def?.ColumnDef?.raw_default, scope);
        break;
      }
      case 'AT_AddConstraint': {
        const con = cmd.def?.Constraint;
        if (con?.contype === 'CONSTR_FOREIGN') {
          const fk = foreignKey(x, con, scope);
          if (fk) effect.foreignKeys.push(fk);
        } else if (con?.contype === 'CONSTR_PRIMARY') effect.primaryKey = strList(con.keys);
        else if (con) walk(x, con.raw_expr, scope);
        break;
      }
      case 'AT_EnableRowSecurity':
      case 'AT_ForceRowSecurity':
        effect.rowLevelSecurity = true;
        break;
      case 'AT_DisableRowSecurity':
        effect.rowLevelSecurity = false;
        break;
      case 'AT_ChangeOwner':
        roleRefs(x, [cmd.newowner], scope, 'OWNER TO');
        break;
      case 'AT_AttachPartition':
        relationRef(x, cmd.def?.PartitionCmd?.name, scope, 'ATTACH PARTITION');
        break;
      default:
        walk(x, cmd.def, scope);
    }
  }
  if (pending.length) setInsertPoints(x, pending);
  x.current.effects.push(effect);
}

export const TABLE_STATEMENTS: StatementHandlers = {
  CreateStmt: (x, n, scope, site) => createTable(x, n, scope, site.conditional, 'table'),
  CreateForeignTableStmt: (x, n, scope, site) => createTable(x, n.base, scope, site.conditional, 'foreign table'),
  AlterTableStmt: alterTable,
};
