/**
 * A statement's effects applied to the replay's state: CREATE (and CREATE EXTENSION, with what the
 * extension's catalog creates), ALTER TABLE, RENAME and DROP, each recording conflicts, definitions, object
 * histories (columns, foreign keys) and where objects went. Shared (snapshot) records are copied on first
 * change (snapshots.ts `own`).
 */
import { addCatalog, extensionCatalog } from '../catalog';
import { creationSchema } from '../facts';
import type { CreateEffect, Effect, StatementFacts } from '../facts';
import { displayName, ObjectRecord, objectKey, Point } from '../objects';
import type { SourceRange } from '../positions';
import { createdKey } from './creations';
import { columnDefsOf, foreignKeysOf, isTable, newHistory, versionsOf } from './histories';
import type { Replay } from './replay';
import { opaqueKey, searchSchemas } from './resolution';
import { childrenOf, own, ownHistory } from './snapshots';
import type { Gone, ObjectHistory } from './types';

export function create(r: Replay, e: CreateEffect, point: Point, file: string, st: StatementFacts): void {
  let schema = e.schema;
  let parentKey: string | undefined;
  let parentName: string | undefined;
  if (e.parentRef !== undefined) {
    parentKey = r.keyOf(e.parentRef);
    const pr = st.refs[e.parentRef];
    const prec = parentKey ? r.get(parentKey) : undefined;
    schema = prec?.schema ?? pr.schema ?? creationSchema(pr.path);
    parentName = prec?.name ?? pr.name;
    if (!parentKey) parentKey = objectKey('relation', schema, parentName);
  }
  // (a timeline with history is replayed again after edits: remember the key; a one-off build does not)
  const key = r.state.keyLog ? createdKey(e, schema, parentName) : objectKey(e.ns, schema, e.name, parentName);
  r.defs[point.file].push({ key, point, range: e.range });
  const existing = r.get(key);
  if (existing) {
    const sameSignature = e.ns !== 'function' || (existing.signatures ?? []).includes(e.signature ?? '');
    if (sameSignature && !e.ifNotExists && !e.orReplace && !e.conditional) r.state.conflicts.push({ point, effect: e, key, existing });
    if (e.ns === 'function' && !sameSignature) {
      const rec = own(r, existing);
      rec.signatures = [...(rec.signatures ?? []), e.signature ?? ''];
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
    name: e.name,
    parent: parentKey,
    origin: 'migration',
    signatures: e.ns === 'function' ? [e.signature ?? ''] : undefined,
    returns: e.returns,
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
}

/** `rec` created at `point`: its definition, and a new history. */
function define(r: Replay, rec: ObjectRecord, point: Point, file: string, range: SourceRange, st: StatementFacts): ObjectHistory {
  rec.def = { point, file, range, statement: st.range };
  if (r.state.live.get(rec.key) === rec) r.logKey(rec.key); // the creator is part of what the key names from here
  // (create() records the first column version once the statement's foreign keys are known)
  return addHistory(r, rec);
}

/** A new history for `rec`, registered (and listed among the tables' if it is one). */
function addHistory(r: Replay, rec: ObjectRecord): ObjectHistory {
  const { histories, tableSlots, historyOf } = r.state;
  const h = newHistory(rec);
  if (isTable(rec)) tableSlots.push(histories.length);
  histories.push(h);
  historyOf.set(rec, h);
  return h;
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
  r.defs[point.file].push({ key, point, range: e.range });
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

export function alterTable(r: Replay, e: Extract<Effect, { type: 'alter-table' }>, point: Point): void {
  const key = r.keyOf(e.ref);
  if (!key) return;
  const cur = r.get(key);
  if (!cur) return;
  const rec = own(r, cur);
  // a platform or extension table altered by a migration gets its history here
  const h = r.state.historyOf.get(rec) ?? addHistory(r, rec);
  // versions share their column list with the record: change a copy
  const latest = h.versions[h.versions.length - 1];
  if (rec.columns && latest && latest.columns === rec.columns) rec.columns = rec.columns.map((c) => ({ ...c }));
  const cols = rec.columns ?? (rec.columns = []);
  let changed = false;
  for (const c of e.addColumns) {
    if (cols.some((x) => x.name === c.name)) continue;
    cols.push({ name: c.name, type: c.type, display: c.display, notNull: c.notNull, primaryKey: c.primaryKey });
    columnDefsOf(h).set(c.name, { point, fact: c, type: c.type });
    if (c.references) addForeignKey(r, h, rec, [c.name], r.keyOf(c.references.ref), c.references.columns);
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
  for (const [from, to] of e.renameColumns) {
    const c = cols.find((x) => x.name === from);
    if (c) {
      c.name = to;
      const def = h.columnDefs.get(from);
      if (def) {
        h.columnDefs.delete(from);
        columnDefsOf(h).set(to, def);
      }
      h.foreignKeys = h.foreignKeys.map((fk) => ({ ...fk, columns: fk.columns.map((x) => (x === from ? to : x)) }));
      changed = true;
    }
  }
  for (const [name, type, display] of e.alterTypes) {
    const c = cols.find((x) => x.name === name);
    if (c) {
      c.type = type;
      c.display = display;
      const def = h.columnDefs.get(name);
      if (def) def.type = type;
      changed = true;
    }
  }
  for (const fk of e.foreignKeys) addForeignKey(r, h, rec, fk.columns, r.keyOf(fk.ref), fk.refColumns);
  if (e.primaryKey) {
    rec.primaryKey = e.primaryKey;
    for (const c of cols) if (e.primaryKey.includes(c.name)) c.primaryKey = c.notNull = true;
    changed = true;
  }
  if (e.rowLevelSecurity !== undefined) rec.rowLevelSecurity = e.rowLevelSecurity;
  if (changed || e.foreignKeys.length) versionsOf(h).push({ point, columns: cols });
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
  // children (triggers, policies, indexes) follow their table
  if (cur.ns === 'relation') {
    for (const [k, child] of childrenOf(r, key)) {
      const c = own(r, child);
      r.state.live.delete(k);
      r.logKey(k);
      c.parent = newKey;
      if (c.ns === 'relation') c.schema = schema;
      c.key = objectKey(c.ns, c.ns === 'relation' ? schema : schema, c.name, name);
      r.setLive(c.key, c);
    }
  }
}

export function drop(r: Replay, e: Extract<Effect, { type: 'drop' }>, point: Point, st: StatementFacts): void {
  const key = r.keyOf(e.ref);
  if (!key) return;
  let cur = r.get(key);
  if (!cur) return;
  const ref = st.refs[e.ref];
  if (cur.ns === 'function' && ref.signature !== undefined && (cur.signatures?.length ?? 0) > 1) {
    // (the copy from here on: its history is the one in the list, if it was copied)
    cur = own(r, cur);
    cur.signatures = (cur.signatures ?? []).filter((s) => s !== ref.signature);
    if (cur.signatures.length) return;
  }
  const gone: Gone = { point, how: 'dropped', range: ref.range };
  r.remove(key);
  r.setGone(key, gone);
  endHistory(r, cur, gone, false);
  const name = cur.name;
  if (cur.ns === 'relation') dropWith(r, gone, (c) => c.parent === key, childrenOf(r, key));
  if (cur.ns === 'schema' && e.cascade) dropWith(r, gone, (c) => c.schema === name && c.ns !== 'schema' && c.ns !== 'role' && c.ns !== 'extension');
  if (cur.ns === 'extension') dropWith(r, gone, (c) => c.extension === name);
}

/** What goes with a dropped object (`pred`): live objects among `candidates` (default: all), and base ones. */
function dropWith(r: Replay, gone: Gone, pred: (c: ObjectRecord) => boolean, candidates?: [string, ObjectRecord][]): void {
  const { live, deletedBase } = r.state;
  for (const [k, c] of candidates ?? [...live])
    if (pred(c)) {
      r.remove(k);
      r.setGone(k, gone);
      // its history ends here too (a table dropped with its schema has no columns left to check)
      endHistory(r, c, gone, true);
    }
  for (const [k, c] of r.base)
    if (!deletedBase.has(k) && !live.has(k) && pred(c)) {
      deletedBase.add(k);
      r.logKey(k);
    }
}

/**
 * `rec`'s history ends at `gone` (a snapshot's history is copied in its place first); with `keepEnded`, a
 * history that already ended keeps its end.
 */
function endHistory(r: Replay, rec: ObjectRecord, gone: Gone, keepEnded: boolean): void {
  const h = r.state.historyOf.get(rec);
  if (!h || (keepEnded && h.gone)) return;
  (r.state.frozen?.has(rec) ? ownHistory(r, rec, rec)! : h).gone = gone;
}
