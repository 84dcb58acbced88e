/**
 * Tables: CREATE TABLE / CREATE FOREIGN TABLE (columns, primary and foreign keys, LIKE, INHERITS,
 * PARTITION OF, OF type) and ALTER TABLE's column, constraint, identity, partition, row-level-security and
 * owner changes, with what they create implicitly (constraint indexes, serial / identity sequences).
 * ALTER TYPE on a composite type's attributes parses as an ALTER TABLE: it is read here as a use of the type.
 * Columns that look like foreign keys but have none get the byte where a `references …` clause can go.
 */
import type { Node } from '../../parser';
import type { ObjectKind } from '../../types';
import { strList } from '../astNodes';
import { create, rangeVarTarget } from '../creates';
import type { Extraction, Scope, StatementHandlers } from '../extraction';
import type { AlterTableEffect, ColumnFact, ForeignKeyFact, IndexFact, SequenceFact } from '../model';
import { endOfType, findName, nameRange } from '../nameRanges';
import { namesRef, relationRef, roleRefs, typeRef } from '../refs';
import { immutableCalls } from '../immutability';
import { literalCast, walk } from '../walker';
import { constraintIndex, indexesOf, PendingIndex } from './indexes';
import { identitySequence, serialSequence } from './sequences';

/** What a statement's columns and constraints create besides the table's columns. */
interface Implicit {
  /** ALTER TABLE ONLY: indexes not made on the partitions. */
  only: boolean;
  indexes: PendingIndex[];
  sequences: SequenceFact[];
  /** Names written for CHECK / FOREIGN KEY constraints. */
  constraints: string[];
}

function implicit(only: boolean): Implicit {
  return { only, indexes: [], sequences: [], constraints: [] };
}

/** A constraint's part in `out`: its index, or its name (CHECK, FOREIGN KEY); `column` for a column's. */
function addConstraint(x: Extraction, scope: Scope, con: Node, column: string | undefined, out: Implicit): PendingIndex | undefined {
  const index = constraintIndex(x, scope, con, column, out.only);
  if (index) out.indexes.push(index);
  else if (con.conname && (con.contype === 'CONSTR_CHECK' || con.contype === 'CONSTR_FOREIGN')) out.constraints.push(con.conname);
  return index;
}

/** A FOREIGN KEY / REFERENCES constraint; none when the referenced table is a local one. */
function foreignKey(x: Extraction, con: Node, scope: Scope): ForeignKeyFact | undefined {
  const ref = relationRef(x, con.pktable, scope, 'REFERENCES');
  return ref === undefined ? undefined : { columns: strList(con.fk_attrs), ref, refColumns: strList(con.pk_attrs) };
}

/**
 * A column definition; a column named like a foreign key without one goes to `pending`, what it creates
 * (a constraint's index, a serial or identity sequence) to `out`.
 */
function column(x: Extraction, cd: Node, scope: Scope, pending: ColumnFact[], out: Implicit): ColumnFact {
  const typeRefAt = x.current.refs.length;
  const t = typeRef(x, cd.typeName, scope);
  const col: ColumnFact = {
    name: cd.colname,
    type: t.type,
    display: t.display,
    notNull: false,
    primaryKey: false,
    range: nameRange(x, scope, cd.location),
  };
  const serial = serialSequence(x, scope, cd);
  if (serial) out.sequences.push(serial);
  // DEFERRABLE, INITIALLY DEFERRED, … apply to the constraint before them
  let last: PendingIndex | undefined;
  for (const c of cd.constraints ?? []) {
    const con = c.Constraint;
    if (!con) continue;
    if (con.contype.startsWith('CONSTR_ATTR_')) {
      if (last) deferrability(last, con.contype);
      continue;
    }
    last = addConstraint(x, scope, con, cd.colname, out);
    if (con.contype === 'CONSTR_NOTNULL') col.notNull = true;
    else if (con.contype === 'CONSTR_PRIMARY') {
      col.primaryKey = true;
      col.notNull = true;
    } else if (con.contype === 'CONSTR_FOREIGN') {
      const ref = relationRef(x, con.pktable, scope, 'REFERENCES');
      if (ref !== undefined) col.references = { ref, columns: strList(con.pk_attrs) };
    } else if (con.contype === 'CONSTR_IDENTITY') {
      col.notNull = true;
      out.sequences.push(identitySequence(x, scope, cd.colname, con));
    } else {
      // DEFAULT 'label' on a column of a user-defined type: the string is converted to it when the table is made
      const sval = con.contype === 'CONSTR_DEFAULT' ? con.raw_expr?.A_Const?.sval?.sval : undefined;
      if (typeof sval === 'string' && !cd.typeName?.arrayBounds && x.current.refs.length > typeRefAt && x.current.refs[typeRefAt].ns === 'type' && !scope.deferred) {
        literalCast(x, typeRefAt, sval, con.raw_expr.A_Const.location, scope);
      } else {
        walk(x, con.raw_expr ?? con.cooked_expr, scope);
        if (con.contype === 'CONSTR_GENERATED') immutableCalls(x, con.raw_expr, scope, 'generation expression');
      }
    }
  }
  if (!col.references && x.fkPatterns.some((p) => p.test(col.name))) pending.push(col);
  return col;
}

/** A column's DEFERRABLE / NOT DEFERRABLE / INITIALLY DEFERRED / INITIALLY IMMEDIATE (transformConstraintAttrs). */
function deferrability(p: PendingIndex, contype: string): void {
  if (contype === 'CONSTR_ATTR_DEFERRABLE') p.deferrable = true;
  else if (contype === 'CONSTR_ATTR_NOT_DEFERRABLE') p.deferrable = false;
  else if (contype === 'CONSTR_ATTR_DEFERRED') {
    p.initdeferred = true;
    p.deferrable = true;
  } else if (contype === 'CONSTR_ATTR_IMMEDIATE') p.initdeferred = false;
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
  const columnsComplete = !(n.tableElts ?? []).some((el: Node) => el.TableLikeClause) && !(n.inhRelations ?? []).length && !n.ofTypename && !n.partbound;
  const created = create(x, scope, 'relation', n.partspec ? 'partitioned table' : kind, target, { ifNotExists: n.if_not_exists, conditional, columns, foreignKeys, columnsComplete });
  if (temp) scope.locals.add(rv.relname);
  const made = implicit(false);
  for (const el of n.tableElts ?? []) {
    if (el.ColumnDef) {
      const col = column(x, el.ColumnDef, scope, pending, made);
      columns.push(col);
      if (col.primaryKey) primaryKey = [col.name];
    } else if (el.Constraint) {
      const c = el.Constraint;
      addConstraint(x, scope, c, undefined, made);
      if (c.contype === 'CONSTR_PRIMARY') primaryKey = strList(c.keys);
      else if (c.contype === 'CONSTR_FOREIGN') {
        const fk = foreignKey(x, c, scope);
        if (fk) foreignKeys.push(fk);
      } else walk(x, c.raw_expr, scope);
    } else if (el.TableLikeClause) {
      relationRef(x, el.TableLikeClause.relation, scope, 'LIKE');
    }
  }
  for (const inh of n.inhRelations ?? []) {
    const ref = relationRef(x, inh.RangeVar, scope, n.partbound ? 'PARTITION OF' : 'INHERITS');
    if (created && n.partbound && ref !== undefined) created.partitionOf = { ref };
  }
  if (n.ofTypename) typeRef(x, n.ofTypename, scope, 'OF');
  for (const p of n.partspec?.partParams ?? []) {
    walk(x, p.PartitionElem?.expr, scope);
    immutableCalls(x, p.PartitionElem?.expr, scope, 'partition key expression');
  }
  // (none inside a function body: it creates nothing until the function runs)
  if (created) setImplicit(created, made, indexesOf(made.indexes));
  if (primaryKey) {
    if (created) created.primaryKey = primaryKey;
    for (const c of columns) if (primaryKey.includes(c.name)) c.notNull = true;
  }
  if (pending.length) setInsertPoints(x, pending);
}

/** Only the lists that have something (most statements create nothing implicitly). */
function setImplicit(e: { indexes?: IndexFact[]; sequences?: SequenceFact[]; constraints?: string[] }, made: Implicit, indexes: IndexFact[]): void {
  if (indexes.length) e.indexes = indexes;
  if (made.sequences.length) e.sequences = made.sequences;
  if (made.constraints.length) e.constraints = made.constraints;
}

/** An ALTER TABLE effect on reference `ref`, with nothing changed yet (one object shape for all). */
export function alterTableEffect(ref: number): AlterTableEffect {
  return {
    type: 'alter-table',
    ref,
    addColumns: [],
    dropColumns: [],
    renameColumns: [],
    alterTypes: [],
    foreignKeys: [],
    primaryKey: undefined,
    rowLevelSecurity: undefined,
    indexes: undefined,
    sequences: undefined,
    constraints: undefined,
    dropConstraints: undefined,
    renameConstraints: undefined,
    usingIndexes: undefined,
    dropIdentities: undefined,
    attach: undefined,
    detach: undefined,
  };
}

/** ALTER TYPE … ADD / DROP / ALTER ATTRIBUTE: a use of the composite type (and of the attributes' types). */
function alterCompositeType(x: Extraction, n: Node, scope: Scope): void {
  const rv = n.relation;
  if (rv?.relname) namesRef(x, 'type', rv.schemaname ? [rv.schemaname, rv.relname] : [rv.relname], scope, nameRange(x, scope, rv.location), 'ALTER TYPE', !!n.missing_ok);
  for (const c of n.cmds ?? []) walk(x, c.AlterTableCmd?.def, scope);
}

function alterTable(x: Extraction, n: Node, scope: Scope): void {
  const kind = n.objtype ?? 'OBJECT_TABLE';
  if (kind === 'OBJECT_TYPE') return alterCompositeType(x, n, scope);
  const ref = relationRef(x, n.relation, scope, kind === 'OBJECT_TABLE' ? 'ALTER TABLE' : 'ALTER', !!n.missing_ok);
  if (ref === undefined) return;
  const effect = alterTableEffect(ref);
  if (scope.body === 'do') effect.inDoBlock = true;
  const pending: ColumnFact[] = [];
  // a column named by a subcommand must exist, unless an earlier subcommand of the statement adds it
  const uses = (name: string | undefined, missingOk: boolean) => {
    if (!name || missingOk || scope.deferred || effect.addColumns.some((c) => c.name === name)) return;
    (x.current.columnUses ??= []).push({ ref, name, range: findName(x, name) });
  };
  const made = implicit(!n.relation?.inh);
  // each subcommand's index constraints are made on their own (merged only within one column's)
  const indexes: IndexFact[] = [];
  const madeBy = (from: number) => indexes.push(...indexesOf(made.indexes.splice(from)));
  for (const c of n.cmds ?? []) {
    const cmd = c.AlterTableCmd;
    if (!cmd) continue;
    const from = made.indexes.length;
    switch (cmd.subtype) {
      case 'AT_AddColumn': {
        const cd = cmd.def?.ColumnDef;
        if (!cd) break;
        const seqs = made.sequences.length;
        effect.addColumns.push(column(x, cd, scope, pending, made));
        // (nothing is made for a column that exists: ADD COLUMN IF NOT EXISTS skips it, else fails)
        for (const s of made.sequences.slice(seqs)) s.withColumn = cd.colname;
        for (const p of made.indexes.slice(from)) p.fact.withColumn = cd.colname;
        break;
      }
      case 'AT_DropColumn':
        uses(cmd.name, !!cmd.missing_ok);
        if (cmd.name) effect.dropColumns.push(cmd.name);
        break;
      case 'AT_ColumnDefault':
      case 'AT_SetNotNull':
      case 'AT_DropNotNull':
        uses(cmd.name, false);
        walk(x, cmd.def, scope);
        break;
      case 'AT_AlterColumnType': {
        uses(cmd.name, false);
        const t = typeRef(x, cmd.def?.ColumnDef?.typeName, scope);
        if (cmd.name) effect.alterTypes.push([cmd.name, t.type, t.display]);
        walk(x, cmd.def?.ColumnDef?.raw_default, scope);
        break;
      }
      case 'AT_AddConstraint': {
        const con = cmd.def?.Constraint;
        if (con) addConstraint(x, scope, con, undefined, made);
        if (con?.indexname) (effect.usingIndexes ??= []).push([con.indexname, con.conname, con.contype === 'CONSTR_PRIMARY' ? 'pkey' : 'key']);
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
      case 'AT_AttachPartition': {
        const part = relationRef(x, cmd.def?.PartitionCmd?.name, scope, 'ATTACH PARTITION');
        if (part !== undefined && kind === 'OBJECT_TABLE') effect.attach = { ref: part };
        break;
      }
      case 'AT_DetachPartition': {
        const part = relationRef(x, cmd.def?.PartitionCmd?.name, scope, 'DETACH PARTITION');
        if (part !== undefined) effect.detach = { ref: part };
        break;
      }
      case 'AT_DropConstraint':
        if (cmd.name) (effect.dropConstraints ??= []).push(cmd.name);
        break;
      case 'AT_AddIdentity':
        if (cmd.name && cmd.def?.Constraint) made.sequences.push(identitySequence(x, scope, cmd.name, cmd.def.Constraint));
        break;
      case 'AT_DropIdentity':
        if (cmd.name) (effect.dropIdentities ??= []).push(cmd.name);
        break;
      default:
        walk(x, cmd.def, scope);
    }
    if (made.indexes.length > from) madeBy(from);
  }
  setImplicit(effect, made, indexes);
  if (pending.length) setInsertPoints(x, pending);
  x.current.effects.push(effect);
}

export const TABLE_STATEMENTS: StatementHandlers = {
  CreateStmt: (x, n, scope, site) => createTable(x, n, scope, site.conditional, 'table'),
  CreateForeignTableStmt: (x, n, scope, site) => createTable(x, n.base, scope, site.conditional, 'foreign table'),
  AlterTableStmt: alterTable,
};
