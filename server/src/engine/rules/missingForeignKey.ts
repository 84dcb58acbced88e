/**
 * missing-foreign-key: a column named like a reference (`tenant_id`, `user_id`) whose type matches the key
 * of a table of that name (`tenant`/`tenants`; `users` → `auth.users`), with no foreign key — neither where
 * it is defined nor added by a later ALTER TABLE … ADD CONSTRAINT.
 */
import { displayName, ObjectRecord } from '../objects';
import { isTable, snapshotLookup, snapshotTables } from '../timeline';
import type { ColumnDef, ObjectHistory, Timeline, TimelineSnapshot } from '../timeline';
import { before } from '../objects';
import type { Finding } from '../types';
import { defineRule, ReplayChange, RuleContext, where } from './rule';

export const missingForeignKey = defineRule('missing-foreign-key', {
  run(ctx) {
    const out: Finding[] = [];
    const ix = ctx.scope ? (resumedIndexOf(ctx.timeline) ?? indexOf(ctx.timeline)) : indexOf(ctx.timeline);
    const files = ctx.scope ? [...ctx.scope] : ix.files();
    for (const fi of files) {
      for (const { h, column, def } of ix.columnsIn(fi)) {
        const table = h.record;
        if (h.foreignKeys.some((fk) => fk.columns.includes(column))) continue;
        const base = baseName(column, ctx.foreignKeyPatterns);
        if (!base) continue;
        const target = findTarget(base, def.type, table, ix);
        if (!target) continue;
        const key = keyColumn(target)!;
        const targetName = displayName(target);
        const later = target.def && !before(target.def.point, def.point) && target.origin === 'migration';
        const file = ctx.migrations[def.point.file].path;
        let message = `${column} looks like a reference to ${targetName}(${key}) but has no foreign key: rows can point at nothing, and deletes won't cascade or be blocked.`;
        const fixes: Finding['fixes'] = [];
        if (later && target.def) {
          message += ` ${targetName} only exists from ${where(ctx, target.def.point, target.def.range)} on: add the foreign key in a migration after it (ALTER TABLE ${displayName(table)} ADD FOREIGN KEY (${column}) REFERENCES ${targetName} (${key})).`;
        } else if (def.fact.insertAt !== undefined) {
          const at = ctx.facts[def.point.file].lineIndex.range(def.fact.insertAt, def.fact.insertAt);
          fixes.push({ kind: 'edit', title: `Add references ${targetName} (${key})`, file, edits: [{ range: at, newText: ` references ${targetName} (${key})` }] });
        }
        out.push({
          code: 'missing-foreign-key',
          severity: 'warning',
          file,
          range: def.fact.range,
          message,
          related: target.def && target.origin === 'migration' ? [{ file: ctx.migrations[target.def.point.file].path, range: target.def.range, message: `${targetName} is created here` }] : [],
          fixes,
          object: `${displayName(table)}.${column}`,
        });
      }
    }
    return out;
  },
  // A column's finding depends on its table and on the tables named like it at the end of the folder: columns
  // written before the replayed migrations, on a table or naming a table that a replay changed.
  *affectedByReplay(ctx: RuleContext, change: ReplayChange) {
    const snapshot = ctx.timeline.snapshot;
    if (!snapshot || snapshot.file !== change.from) {
      for (let fi = 0; fi < change.from; fi++) yield fi;
      return;
    }
    const byName = filesByNameBefore(snapshot, ctx.foreignKeyPatterns);
    for (const key of change.changedKeys) {
      if (!key.startsWith('relation:')) continue;
      // the name after the schema (a quoted schema name can hold a dot: every suffix, to be safe)
      for (let i = key.indexOf('.'); i >= 0; i = key.indexOf('.', i + 1)) {
        const files = byName.get(key.slice(i + 1));
        if (files) yield* files;
      }
    }
  },
});

/**
 * Per snapshot: for each table name, the migrations before the snapshot's file with a column whose finding
 * depends on tables of that name (its own table's, and the ones its name points at). Built from the
 * snapshot's own histories (the columns as written before its file, whatever later migrations do to them).
 */
const namesBefore = new WeakMap<TimelineSnapshot, { patterns: RegExp[]; byName: Map<string, Set<number>> }>();

function filesByNameBefore(snapshot: TimelineSnapshot, patterns: RegExp[]): Map<string, Set<number>> {
  const cached = namesBefore.get(snapshot);
  if (cached && cached.patterns.length === patterns.length && cached.patterns.every((p, i) => p.source === patterns[i].source)) return cached.byName;
  const byName = new Map<string, Set<number>>();
  const add = (name: string, file: number) => {
    const set = byName.get(name);
    if (set) set.add(file);
    else byName.set(name, new Set([file]));
  };
  for (const h of snapshotTables(snapshot)) {
    for (const [column, def] of h.columnDefs) {
      const file = def.point.file;
      if (file >= snapshot.file) continue;
      add(h.record.name, file);
      const base = baseName(column, patterns);
      if (base) for (const n of plural(base)) add(n, file);
    }
  }
  namesBefore.set(snapshot, { patterns, byName });
  return byName;
}

interface ColumnSite {
  h: ObjectHistory;
  column: string;
  def: ColumnDef;
}

/** The tables and columns the rule looks at. */
interface TableIndex {
  /** Tables of this name that exist at the end, in creation order (auth.users last). */
  tablesNamed(name: string): ObjectRecord[];
  /** Columns of live migration-created tables, written by migration `fi`. */
  columnsIn(fi: number): ColumnSite[];
  /** Migrations with such columns. */
  files(): number[];
}

/**
 * Per timeline (an incremental re-analysis keeps the timeline, and asks again for a few files only):
 * tables by name, and the columns of live migration-created tables by the file that wrote them.
 */
const indexes = new WeakMap<Timeline, TableIndex>();

function indexOf(timeline: Timeline): TableIndex {
  let ix = indexes.get(timeline);
  if (ix) return ix;
  const tablesByName = new Map<string, ObjectRecord[]>();
  const columnsByFile = new Map<number, ColumnSite[]>();
  timeline.tableHistories.forEach((h) => {
    if (liveTable(timeline, h)) push(tablesByName, h.record.name, h.record);
    for (const site of columnSitesOf(h)) push(columnsByFile, site.def.point.file, site);
  });
  for (const name of ['users']) {
    const u = timeline.lookup(`relation:auth.${name}`);
    if (u && isTable(u)) push(tablesByName, u.name, u);
  }
  ix = { tablesNamed: (n) => tablesByName.get(n) ?? [], columnsIn: (fi) => columnsByFile.get(fi) ?? [], files: () => [...columnsByFile.keys()] };
  indexes.set(timeline, ix);
  return ix;
}

/** A table history whose table exists at the end: counted among the tables columns can point at. */
function liveTable(timeline: Timeline | undefined, h: ObjectHistory, snapshot?: TimelineSnapshot): boolean {
  const table = h.record;
  if (h.gone || !isTable(table)) return false;
  return (timeline ? timeline.lookup(table.key) : snapshotLookup(snapshot!, table.key)) === table;
}

/** The columns a history contributes: those of a migration-created table that was not dropped. */
function columnSitesOf(h: ObjectHistory): ColumnSite[] {
  const table = h.record;
  if (h.gone || table.origin !== 'migration' || table.schema === 'pg_temp' || !h.columnDefs.size) return [];
  return sitesOf(h);
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/**
 * The snapshot's part of the index of every timeline resumed from it: the tables and columns of its
 * histories (positions in the tables' list). A resumed timeline keeps a snapshot history where its replay
 * did not change it (it copies one before changing it, in the same place), and keeps what a key names
 * unless the key is in `changedKeys`: only the other histories are looked at again.
 */
interface SnapshotPart {
  tables: ObjectHistory[];
  byName: Map<string, number[]>;
  sitesByFile: Map<number, { slot: number; site: ColumnSite }[]>;
  slotsOfKey: Map<string, number[]>;
}
const snapshotParts = new WeakMap<TimelineSnapshot, SnapshotPart>();

function snapshotPart(snapshot: TimelineSnapshot): SnapshotPart {
  let part = snapshotParts.get(snapshot);
  if (part) return part;
  const tables = snapshotTables(snapshot);
  part = { tables, byName: new Map(), sitesByFile: new Map(), slotsOfKey: new Map() };
  tables.forEach((h, slot) => {
    push(part!.slotsOfKey, h.record.key, slot);
    if (liveTable(undefined, h, snapshot)) push(part!.byName, h.record.name, slot);
    for (const site of columnSitesOf(h)) push(part!.sitesByFile, site.def.point.file, { slot, site });
  });
  snapshotParts.set(snapshot, part);
  return part;
}

/**
 * The index of a timeline resumed from a snapshot, for a run over a few migrations: the snapshot's part
 * where it still holds, the histories the replay changed or added looked at again. Costs the changes, not
 * the folder (the full index of a 5,000-migration folder takes tens of milliseconds).
 */
function resumedIndexOf(timeline: Timeline): TableIndex | undefined {
  const snapshot = timeline.snapshot;
  const changedKeys = timeline.changedKeys;
  if (!snapshot || !changedKeys) return undefined;
  let ix = indexes.get(timeline);
  if (ix) return ix;
  const part = snapshotPart(snapshot);
  const current = timeline.tableHistories;
  // slots to look at again: histories the replay added, and ones whose key it changed (a replay copies a
  // history only with its record, whose key it then changes: copies are looked for anyway, it is cheap)
  const redo = new Set<number>();
  for (let slot = 0; slot < current.length; slot++) if (slot >= part.tables.length || current[slot] !== part.tables[slot]) redo.add(slot);
  for (const key of changedKeys) {
    for (const slot of part.slotsOfKey.get(key) ?? []) redo.add(slot);
  }
  const tablesByName = new Map<string, number[]>();
  const sitesByFile = new Map<number, ColumnSite[]>();
  for (const slot of redo) {
    const h = current[slot];
    if (liveTable(timeline, h)) push(tablesByName, h.record.name, slot);
    for (const site of columnSitesOf(h)) push(sitesByFile, site.def.point.file, site);
  }
  const users = timeline.lookup('relation:auth.users');
  ix = {
    tablesNamed(name) {
      const slots = (part.byName.get(name) ?? []).filter((s) => !redo.has(s)).concat(tablesByName.get(name) ?? []);
      slots.sort((a, b) => a - b);
      const out = slots.map((s) => current[s].record);
      if (name === 'users' && users && isTable(users)) out.push(users);
      return out;
    },
    columnsIn(fi) {
      const shared = (part.sitesByFile.get(fi) ?? []).filter((x) => !redo.has(x.slot)).map((x) => x.site);
      return shared.concat(sitesByFile.get(fi) ?? []);
    },
    files() {
      const out = new Set<number>(sitesByFile.keys());
      for (const [fi, list] of part.sitesByFile) if (list.some((x) => !redo.has(x.slot))) out.add(fi);
      return [...out];
    },
  };
  indexes.set(timeline, ix);
  return ix;
}

/**
 * A table history's column sites. A history no longer changes once its timeline is built (a replay resumed
 * from a snapshot copies one before changing it), so the sites are computed once per history object: the
 * histories before an edited migration are the same objects from one replay to the next.
 */
function sitesOf(h: ObjectHistory): ColumnSite[] {
  let sites = siteCache.get(h);
  if (!sites) {
    sites = [];
    for (const [column, def] of h.columnDefs) sites.push({ h, column, def });
    siteCache.set(h, sites);
  }
  return sites;
}
const siteCache = new WeakMap<ObjectHistory, ColumnSite[]>();

function baseName(column: string, patterns: RegExp[]): string | undefined {
  for (const p of patterns) {
    const m = p.exec(column);
    if (m && m[1]) return m[1];
  }
  return undefined;
}

function plural(base: string): string[] {
  const out = [base, `${base}s`, `${base}es`];
  if (/[^aeiou]y$/.test(base)) out.push(`${base.slice(0, -1)}ies`);
  return out;
}

function keyColumn(t: ObjectRecord): string | undefined {
  const pk = t.primaryKey ?? t.columns?.filter((c) => c.primaryKey).map((c) => c.name);
  return pk && pk.length === 1 ? pk[0] : undefined;
}

function findTarget(base: string, type: string, table: ObjectRecord, ix: TableIndex): ObjectRecord | undefined {
  const candidates: ObjectRecord[] = [];
  for (const n of plural(base)) candidates.push(...ix.tablesNamed(n));
  const rank = (r: ObjectRecord) => (r.schema === table.schema ? 0 : r.schema === 'public' ? 1 : r.schema === 'auth' ? 2 : 3);
  candidates.sort((a, b) => rank(a) - rank(b));
  for (const c of candidates) {
    if (c.key === table.key) continue;
    const key = keyColumn(c);
    if (!key) continue;
    const keyType = c.columns?.find((col) => col.name === key)?.type;
    if (!keyType || stripArray(keyType) !== stripArray(type) || type.endsWith('[]')) continue;
    return c;
  }
  return undefined;
}

function stripArray(t: string): string {
  return t.replace(/^pg_catalog\./, '');
}
