/**
 * A statement's effects applied to the replay's state: CREATE (and CREATE EXTENSION, with what the
 * extension's catalog creates), ALTER TABLE, RENAME, DROP and OWNED BY, each recording conflicts,
 * definitions, object histories (columns, foreign keys) and where objects went; what they create or change
 * implicitly (constraint indexes, owned sequences, partitions) is implicitObjects.ts'. Shared (snapshot)
 * records are copied on first change (snapshots.ts `own`).
 */
import { addCatalog, extensionCatalog } from '../catalog';
import { creationSchema } from '../facts';
import type { AlterTableEffect, ColumnFact, CreateEffect, Effect, StatementFacts } from '../facts';
import { displayName, ObjectRecord, objectKey, Point } from '../objects';
import { checkOwnColumns } from './columns';
import { columnIdentity, recordAlteredColumns, recordCreatedColumns } from './columnSites';
import { createdKey } from './creations';
import { checkForeignKeyTarget } from './foreignKeyTargets';
import { enumTypeOf } from './enumLabels';
import { columnDefsOf, foreignKeysOf, versionsOf } from './histories';
import {
  addPartition,
  chooseRelationName,
  createIndexes,
  createSequences,
  detachPartition,
  dropColumnDependents,
  dropConstraint,
  indexCreated,
  renameColumnDependents,
  renameConstraint,
  setOwner,
  Site,
  useIndex,
} from './implicitObjects';
import { addHistory, define, dropChildren, dropRecord, dropWith, endHistory, markUsing, viewsUsing } from './records';
import type { Replay } from './replay';
import { opaqueKey, searchSchemas } from './resolution';
import { refusal } from './replacements';
import { childrenOf, own } from './snapshots';
import type { Gone, ObjectHistory } from './types';

export function create(r: Replay, e: CreateEffect, point: Point, file: string, st: StatementFacts): void {
  let schema = e.schema;
  let name = e.name;
  let parentKey: string | undefined;
  let parentName: string | undefined;
  let prec: ObjectRecord | undefined;
  if (e.parentRef !== undefined) {
    parentKey = r.keyOf(e.parentRef);
    const pr = st.refs[e.parentRef];
    prec = parentKey ? r.get(parentKey) : undefined;
    schema = prec?.schema ?? pr.schema ?? creationSchema(pr.path);
    parentName = prec?.name ?? pr.name;
    if (!parentKey) parentKey = objectKey('relation', schema, parentName);
    // CREATE INDEX without a name: Postgres names it `<table>_<columns>_idx`, numbered when taken
    if (e.index && e.index.name === undefined) name = chooseRelationName(r, schema, parentName, e.index.columns.join('_'), 'idx');
  }
  // (a timeline with history is replayed again after edits: remember the key; a one-off build does not)
  const key = r.state.keyLog ? createdKey(e, schema, name, parentName) : objectKey(e.ns, schema, name, parentName);
  r.defs[point.file].push({ key, point, range: e.range, signature: e.ns === 'function' ? (e.signature ?? '') : undefined });
  let existing = r.get(key);
  if (existing?.mayBeDropped) {
    // a view a DROP COLUMN … CASCADE may have dropped: made anew (had it stayed, Postgres fails here)
    endHistory(r, existing, { point, how: 'dropped', range: e.range }, false);
    r.remove(key);
    existing = undefined;
  }
  if (existing) {
    const sameSignature = e.ns !== 'function' || (existing.signatures ?? []).includes(e.signature ?? '');
    if (sameSignature && !e.ifNotExists && !e.orReplace && !e.conditional) r.state.conflicts.push({ point, effect: e, key, existing });
    else if (sameSignature && e.orReplace) replace(r, e, point, key, existing);
    if (e.ns === 'function' && !sameSignature) {
      const rec = own(r, existing);
      rec.signatures = [...(rec.signatures ?? []), e.signature ?? ''];
      if (e.routine) rec.routines = { ...rec.routines, [e.signature ?? '']: e.routine };
      if (!r.state.historyOf.get(rec)) define(r, rec, point, file, e.range, st);
      return;
    }
    return;
  }
  const rec: ObjectRecord = {
    key,
    ns: e.ns,
    kind: e.kind,
    schema,
    name,
    parent: parentKey,
    origin: 'migration',
    signatures: e.ns === 'function' ? [e.signature ?? ''] : undefined,
    returns: e.returns,
    routines: e.routine ? { [e.signature ?? '']: e.routine } : undefined,
    viewColumns: e.viewColumns,
    columnsUncertain: e.columns && !e.columnsComplete ? true : undefined,
    enumLabels: e.conditional ? undefined : e.enumLabels,
    language: e.language,
    securityDefiner: e.securityDefiner,
    primaryKey: e.primaryKey,
  };
  if (e.columns) {
    rec.columns = e.columns.map((c) => ({
      name: c.name,
      type: c.type,
      display: c.display,
      notNull: c.notNull,
      primaryKey: c.primaryKey || !!e.primaryKey?.includes(c.name),
      enumType: enumTypeOf(r, c.typeRef),
      default: c.default,
    }));
  }
  r.setLive(key, rec);
  r.setGone(key, undefined);
  const h = define(r, rec, point, file, e.range, st);
  if (e.columns) {
    for (const c of e.columns) columnDefsOf(h).set(c.name, { point, fact: c, type: c.type });
    for (const c of e.columns) if (c.references) addForeignKey(r, h, rec, [c.name], r.keyOf(c.references.ref), c.references.columns);
  }
  for (const fk of e.foreignKeys ?? []) addForeignKey(r, h, rec, fk.columns, r.keyOf(fk.ref), fk.refColumns);
  // the first version, with the foreign keys declared in the statement itself
  // shared with the record until an ALTER changes the columns (alterTable copies them first)
  if (rec.columns) h.versions = [{ point, columns: rec.columns }];
  if (e.columns && !r.stream) recordCreatedColumns(r, rec, e.columns, point);
  if (e.index || e.sequences || e.partitionOf || e.indexes || e.constraints || e.owner) createImplicit(r, e, rec, prec, { point, file, st });
  // its constraints' columns, and what its foreign keys reference, now that its own keys are made
  if (e.ownColumnUses) checkOwnColumns(r, e, r.get(key) ?? rec, point);
  for (const c of e.columns ?? []) if (c.references?.certain) checkForeignKeyTarget(r, { ref: c.references.ref, refColumns: c.references.columns, range: c.references.range, certain: true }, point);
  for (const fk of e.foreignKeys ?? []) checkForeignKeyTarget(r, fk, point);
}

/**
 * CREATE OR REPLACE of an existing object (for a function: of the same input signature). What Postgres
 * refuses to change is a conflict with its reason (the migration fails; the object stays as it was);
 * otherwise the new definition's shape is the object's from here on. Conditional replacements (in a DO
 * block's guarded code) may not have run: what the object is becomes unknown.
 */
function replace(r: Replay, e: CreateEffect, point: Point, key: string, existing: ObjectRecord): void {
  const signature = e.signature ?? '';
  if (e.ns === 'function' && (existing.routines?.[signature] || e.routine)) {
    const old = existing.routines?.[signature];
    const refused = !e.conditional && old && e.routine ? refusal.routine(old, e.routine) : undefined;
    if (refused) {
      r.state.conflicts.push({ point, effect: e, key, existing, refused });
      return;
    }
    const rec = own(r, existing);
    rec.routines = { ...rec.routines, [signature]: e.conditional ? undefined : e.routine };
  } else if (e.kind === 'view' && existing.kind === 'view' && (existing.viewColumns || e.viewColumns)) {
    const refused = !e.conditional && existing.viewColumns && e.viewColumns ? refusal.view(existing.viewColumns, e.viewColumns) : undefined;
    if (refused) {
      r.state.conflicts.push({ point, effect: e, key, existing, refused });
      return;
    }
    own(r, existing).viewColumns = e.conditional ? undefined : e.viewColumns;
  }
}

/**
 * What a CREATE makes besides its object, in Postgres' order: a table's owned sequences, the indexes a
 * partition gets from its table, its constraints' indexes; an index on the partitions; a sequence's owner.
 */
function createImplicit(r: Replay, e: CreateEffect, rec: ObjectRecord, table: ObjectRecord | undefined, at: Site): void {
  if (e.index) indexCreated(r, rec, table, e.index, at, e.range);
  if (e.constraints) rec.constraints = e.constraints;
  if (e.sequences) createSequences(r, rec, e.sequences, at);
  if (e.partitionOf) {
    const parent = recordOf(r, e.partitionOf.ref);
    if (parent) addPartition(r, parent, rec, at, e.range);
  }
  if (e.indexes) createIndexes(r, r.get(rec.key) ?? rec, e.indexes, at);
  if (e.owner) {
    const owner = recordOf(r, e.owner.ref);
    if (owner) setOwner(r, rec, owner, e.owner.column);
  }
}

/** The record reference `ref` of the statement being replayed names, if any. */
function recordOf(r: Replay, ref: number): ObjectRecord | undefined {
  const key = r.keyOf(ref);
  return key ? r.get(key) : undefined;
}

function addForeignKey(r: Replay, h: ObjectHistory, rec: ObjectRecord, columns: string[], target: string | undefined, refColumns: string[]): void {
  if (!target) {
    // target unresolved: still counts as "has a foreign key" for the missing-FK rule
    foreignKeysOf(h).push({ columns, target: '', refColumns });
    return;
  }
  foreignKeysOf(h).push({ columns, target, refColumns });
  const t = r.get(target);
  const label = t ? `${displayName(t)}(${refColumns.join(', ') || (t.primaryKey ?? []).join(', ')})` : target;
  for (const c of rec.columns ?? []) if (columns.includes(c.name)) c.references = label;
}

export function createExtension(r: Replay, e: Extract<Effect, { type: 'extension' }>, point: Point, file: string, st: StatementFacts): void {
  const key = objectKey('extension', '', e.name);
  r.defs[point.file].push({ key, point, range: e.range, signature: undefined });
  const existing = r.get(key);
  if (existing) {
    if (!e.ifNotExists) {
      r.state.conflicts.push({
        point,
        key,
        existing,
        effect: { type: 'create', ns: 'extension', kind: 'extension', schema: '', name: e.name, range: e.range, ifNotExists: false, orReplace: false, conditional: false },
      });
    }
    return;
  }
  const rec: ObjectRecord = { key, ns: 'extension', kind: 'extension', schema: '', name: e.name, origin: 'migration' };
  r.setLive(key, rec);
  define(r, rec, point, file, e.range, st);
  const cat = extensionCatalog(e.name);
  const target = cat?.fixedSchema ?? e.schema ?? searchSchemas(e.path, 'relation').find((s) => s !== 'pg_catalog' && s !== 'pg_temp' && r.get(objectKey('schema', '', s))) ?? 'public';
  if (!cat) {
    r.addOpaque(target);
    r.state.unknownExtensions.push({ point, name: e.name, range: e.range });
    return;
  }
  const objs = addCatalog(r.state.live, cat.objects, 'extension', (s) => (s === '@extschema@' ? target : s), e.name, (x) => own(r, x));
  for (const o of objs) {
    o.def = { point, file, range: e.range, statement: st.range };
    r.logKey(o.key);
    r.setGone(o.key, undefined);
  }
  // what it makes at run time, or what the catalog does not model: unknown from here on, not missing
  for (const o of cat.opaque ?? []) r.addOpaque(opaqueKey(o.schema === '@extschema@' ? target : o.schema, o.ns, o.name));
}

export function alterTable(r: Replay, e: AlterTableEffect, point: Point, file: string, st: StatementFacts): void {
  const key = r.keyOf(e.ref);
  if (!key) return;
  const cur = r.get(key);
  if (!cur) return;
  if (e.renameConstraints) {
    // RENAME CONSTRAINT: no column changes
    for (const [from, to] of e.renameConstraints) renameConstraint(r, cur, from, to, { point, file, st }, st.refs[e.ref].range);
    return;
  }
  const rec = own(r, cur);
  // (a DO block that only adds or drops constraints, indexes, row-level security, …: the columns stay as they are)
  if (e.inDoBlock && (e.addColumns.length || e.dropColumns.length || e.renameColumns.length || e.alterTypes.length || e.attach || e.detach)) rec.columnsUncertain = true;
  // a view's columns renamed, added or dropped: what CREATE OR REPLACE VIEW compares with is not known from here on
  if (rec.viewColumns && (e.renameColumns.length || e.addColumns.length || e.dropColumns.length)) rec.viewColumns = undefined;
  // a platform or extension table altered by a migration gets its history here
  const h = r.state.historyOf.get(rec) ?? addHistory(r, rec);
  // versions share their column list with the record: change a copy
  const latest = h.versions[h.versions.length - 1];
  if (rec.columns && latest && latest.columns === rec.columns) rec.columns = rec.columns.map((c) => ({ ...c }));
  const cols = rec.columns ?? (rec.columns = []);
  // added columns that exist: what they would make is not made either
  const existing = e.indexes || e.sequences ? new Set(e.addColumns.filter((c) => cols.some((x) => x.name === c.name)).map((c) => c.name)) : undefined;
  let changed = false;
  const addedReferences: NonNullable<ColumnFact['references']>[] = [];
  // (for the column sites: what the statement adds and renames)
  const sites = !r.stream;
  const added: typeof e.addColumns = [];
  const renamed: Parameters<typeof recordAlteredColumns>[3] = [];
  for (const c of e.addColumns) {
    if (cols.some((x) => x.name === c.name)) continue;
    cols.push({ name: c.name, type: c.type, display: c.display, notNull: c.notNull, primaryKey: c.primaryKey, enumType: enumTypeOf(r, c.typeRef), default: c.default });
    columnDefsOf(h).set(c.name, { point, fact: c, type: c.type });
    if (c.references) {
      addForeignKey(r, h, rec, [c.name], r.keyOf(c.references.ref), c.references.columns);
      addedReferences.push(c.references);
    }
    if (sites) added.push(c);
    changed = true;
  }
  for (const d of e.dropColumns) {
    const i = cols.findIndex((x) => x.name === d);
    if (i >= 0) {
      cols.splice(i, 1);
      h.columnDefs.delete(d);
      changed = true;
    }
  }
  e.renameColumns.forEach(([from, to], i) => {
    const c = cols.find((x) => x.name === from);
    if (c) {
      if (sites) renamed.push({ from, to, column: columnIdentity(r, rec, from), at: e.renamedTo?.[i] });
      c.name = to;
      const def = h.columnDefs.get(from);
      if (def) {
        h.columnDefs.delete(from);
        columnDefsOf(h).set(to, def);
      }
      h.foreignKeys = h.foreignKeys.map((fk) => ({ ...fk, columns: fk.columns.map((x) => (x === from ? to : x)) }));
      changed = true;
    }
  });
  for (const [name, type, display] of e.alterTypes) {
    const c = cols.find((x) => x.name === name);
    if (c) {
      c.type = type;
      c.display = display;
      c.enumType = enumTypeOf(r, e.alterTypeRefs?.find((a) => a.column === name)?.typeRef);
      const def = h.columnDefs.get(name);
      if (def) def.type = type;
      changed = true;
    }
  }
  for (const x of e.alterColumns ?? []) {
    const c = cols.find((col) => col.name === x.name);
    if (!c) continue;
    if (x.notNull !== undefined) c.notNull = x.notNull || c.primaryKey;
    if (x.default !== undefined) c.default = x.default ?? undefined;
    changed = true;
  }
  for (const fk of e.foreignKeys) addForeignKey(r, h, rec, fk.columns, r.keyOf(fk.ref), fk.refColumns);
  if (e.primaryKey) {
    rec.primaryKey = e.primaryKey;
    for (const c of cols) if (e.primaryKey.includes(c.name)) c.primaryKey = c.notNull = true;
    changed = true;
  }
  if (e.rowLevelSecurity !== undefined) rec.rowLevelSecurity = e.rowLevelSecurity;
  if (changed || e.foreignKeys.length) versionsOf(h).push({ point, columns: cols });
  if (sites) recordAlteredColumns(r, rec, added, renamed, r.firstSite, point);
  const implicit = e.renameColumns.length || e.dropColumns.length || e.dropConstraints || e.dropIdentities || e.constraints || e.usingIndexes || e.sequences || e.indexes || e.attach || e.detach;
  if (implicit) alterImplicit(r, e, rec, { point, file, st }, st.refs[e.ref].range, existing);
  // what its foreign keys reference, once the statement's own keys are made (Postgres adds them last)
  for (const c of addedReferences) if (c.certain) checkForeignKeyTarget(r, { ref: c.ref, refColumns: c.columns, range: c.range, certain: true }, point);
  for (const fk of e.foreignKeys) checkForeignKeyTarget(r, fk, point);
}

/**
 * What an ALTER TABLE changes implicitly, in the order of Postgres' passes: what goes with dropped
 * constraints, columns and identities, or follows renamed columns; then added constraints' names, indexes
 * that become constraints', new owned sequences and indexes; then partitions attached or detached.
 */
function alterImplicit(r: Replay, e: AlterTableEffect, table: ObjectRecord, at: Site, range: Gone['range'], existing: Set<string> | undefined): void {
  const made = (f: { withColumn?: string }) => f.withColumn === undefined || !existing?.has(f.withColumn);
  const gone: Gone = { point: at.point, how: 'dropped', range };
  for (const [from, to] of e.renameColumns) renameColumnDependents(r, table, from, to);
  for (const c of e.dropConstraints ?? []) dropConstraint(r, table, c, gone);
  for (const c of e.dropColumns) dropColumnDependents(r, table, c, gone, false);
  if (e.dropColumnsCascade) markUsing(r, [table.key], true);
  for (const c of e.dropIdentities ?? []) dropColumnDependents(r, table, c, gone, true);
  if (e.constraints) own(r, table).constraints = [...(table.constraints ?? []), ...e.constraints];
  for (const [index, constraint, label] of e.usingIndexes ?? []) useIndex(r, table, index, constraint, label, at, range);
  if (e.sequences) createSequences(r, table, existing?.size ? e.sequences.filter(made) : e.sequences, at);
  if (e.indexes) createIndexes(r, r.get(table.key) ?? table, existing?.size ? e.indexes.filter(made) : e.indexes, at);
  if (e.attach) {
    const part = recordOf(r, e.attach.ref);
    if (part) addPartition(r, table, part, at, at.st.refs[e.attach.ref].range);
  }
  if (e.detach) {
    const part = recordOf(r, e.detach.ref);
    if (part) detachPartition(r, part);
  }
}

/** ALTER SEQUENCE … OWNED BY: the sequence belongs to the table's column (or to nothing). */
export function ownedBy(r: Replay, e: Extract<Effect, { type: 'owned-by' }>): void {
  const seq = recordOf(r, e.ref);
  if (!seq) return;
  const table = e.owner ? recordOf(r, e.owner.ref) : undefined;
  // an unknown table: Postgres fails, nothing changes
  if (e.owner && !table) return;
  setOwner(r, seq, table, e.owner?.column);
}

export function rename(r: Replay, e: Extract<Effect, { type: 'rename' }>, point: Point, st: StatementFacts): void {
  const key = r.keyOf(e.ref);
  if (!key) return;
  const cur = r.get(key);
  if (!cur) return;
  const schema = e.newSchema ?? cur.schema;
  const name = e.newName ?? cur.name;
  const parentName = cur.parent ? cur.parent.slice(cur.parent.lastIndexOf('.') + 1) : undefined;
  const newKey = objectKey(cur.ns, schema, name, parentName);
  if (newKey === key) return;
  const rec = own(r, cur);
  r.remove(key);
  rec.key = newKey;
  rec.schema = schema;
  rec.name = name;
  r.setLive(newKey, rec);
  r.setGone(newKey, undefined);
  const gone: Gone = { point, how: 'renamed', to: displayName(rec), range: st.refs[e.ref].range };
  r.setGone(key, gone);
  // children (triggers, policies, indexes, owned sequences) follow their table; partitions keep their schema
  if (cur.ns === 'relation') {
    for (const [k, child] of childrenOf(r, key)) {
      const c = own(r, child);
      c.parent = newKey;
      if (c.ns === 'relation' && c.kind !== 'index' && c.kind !== 'sequence') continue;
      r.state.live.delete(k);
      r.logKey(k);
      if (c.ns === 'relation') c.schema = schema;
      c.key = objectKey(c.ns, schema, c.name, name);
      r.setLive(c.key, c);
      if (c.ns === 'relation' && c.key !== k) {
        // moved to another schema with its table (SET SCHEMA)
        r.setGone(c.key, undefined);
        r.setGone(k, { point, how: 'renamed', to: displayName(c), range: gone.range });
      }
    }
  }
}

export function drop(r: Replay, e: Extract<Effect, { type: 'drop' }>, point: Point, st: StatementFacts): void {
  const key = r.keyOf(e.ref);
  if (!key) return;
  let cur = r.get(key);
  if (!cur) return;
  const ref = st.refs[e.ref];
  const sig = ref.signature;
  if (cur.ns === 'function' && sig !== undefined && cur.signatures?.length) {
    // the overload with these arguments (else those that may be it, a type written with and without its schema)
    const exact = cur.signatures.includes(sig);
    const dropped = cur.signatures.filter((s) => (exact ? s === sig : maySameArguments(s, sig)));
    // none has them: DROP … IF EXISTS does nothing (without IF EXISTS PostgreSQL fails, 42883)
    if (!dropped.length) return;
    if (dropped.length < cur.signatures.length) {
      // (the copy from here on: its history is the one in the list, if it was copied)
      cur = own(r, cur);
      cur.signatures = (cur.signatures ?? []).filter((s) => !dropped.includes(s));
      if (cur.routines) cur.routines = { ...cur.routines, ...Object.fromEntries(dropped.map((s) => [s, undefined])) };
      // CASCADE: what uses the name may use this overload
      if (e.cascade) markUsing(r, [key], true);
      return;
    }
  }
  const gone: Gone = { point, how: 'dropped', range: ref.range };
  // an index a DO block drops (maybe, maybe not): its table's keys are not known from here on
  const table = st.nodeType === 'DoStmt' && cur.kind === 'index' && cur.parent ? r.get(cur.parent) : undefined;
  if (table) own(r, table).keysUncertain = true;
  r.remove(key);
  r.setGone(key, gone);
  endHistory(r, cur, gone, false);
  const name = cur.name;
  if (cur.ns === 'relation') {
    dropChildren(r, gone, key);
    // CASCADE: the views on it (and on those) go with it; functions whose arguments or SQL-standard body
    // use it do too, those whose string body uses it do not (which, is not known here)
    if (e.cascade) {
      const views = viewsUsing(r, [key]);
      for (const v of views) {
        dropRecord(r, v, gone);
        dropChildren(r, gone, v.key);
      }
      markUsing(r, [key, ...views.map((v) => v.key)], false);
    }
  } else if (e.cascade && (cur.ns === 'type' || cur.ns === 'function')) markUsing(r, [key], true);
  if (cur.ns === 'schema' && e.cascade) dropWith(r, gone, (c) => c.schema === name && c.ns !== 'schema' && c.ns !== 'role' && c.ns !== 'extension');
  if (cur.ns === 'extension') dropWith(r, gone, (c) => c.extension === name);
}

/**
 * Whether two argument lists (signatures: canonical type names joined by commas) may name the same overload:
 * as many arguments, each the same type once a schema qualifier is set aside (`%TYPE` may be any).
 */
function maySameArguments(a: string, b: string): boolean {
  const x = a.split(',');
  const y = b.split(',');
  const bare = (t: string) => t.slice(t.lastIndexOf('.') + 1);
  return x.length === y.length && x.every((t, i) => t === y[i] || t.endsWith('%type') || y[i].endsWith('%type') || bare(t) === bare(y[i]));
}
