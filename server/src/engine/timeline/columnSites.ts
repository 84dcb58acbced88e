/**
 * Where each column is written, as the replay meets it (for go to definition, references and hovers on
 * columns): the names of CREATE TABLE's and ADD COLUMN's columns, RENAME COLUMN's new name, and every
 * column a statement names (facts `columnUses`, whatever kind of use) that its table has at that point,
 * with the column as it is there. A column is identified through renames by the fact that added it (the
 * `ColumnFact` of its CREATE TABLE or ADD COLUMN), or, for a column no migration added (a platform
 * table's), by its table's key and name. Recorded per migration like references, so a resumed replay
 * keeps the earlier files' lists; the sites hold the facts' own range objects, which rebaseFacts moves.
 */
import type { ColumnFact, StatementFacts } from '../facts';
import { before, ColumnState, displayName, intern, ObjectRecord, Point } from '../objects';
import type { SourceRange } from '../positions';
import type { Replay } from './replay';
import type { ObjectHistory, Timeline } from './types';

/**
 * `create`/`add`: the column's definition; `rename`: RENAME COLUMN's new name; `alter`: ALTER COLUMN …
 * TYPE / SET or DROP DEFAULT / NOT NULL; `drop`: DROP COLUMN; `use`: any other use.
 */
export type ColumnSiteKind = 'create' | 'add' | 'rename' | 'alter' | 'drop' | 'use';

export interface ColumnSite {
  point: Point;
  kind: ColumnSiteKind;
  /** The table's key at that point. */
  table: string;
  /** The table as named at that point, e.g. `public.profiles`. */
  tableName: string;
  /** The column's name there (for a rename: the new one). */
  name: string;
  /** A rename's old name. */
  from?: string;
  /** What holds the range of the name as written (a fact object: kept current by rebaseFacts). */
  at: { range: SourceRange };
  /** The column through renames: the fact that added it, or `table-key#name` for one no migration added. */
  column: ColumnFact | string;
  /** The column there: after the statement for a definition, rename or alteration; before it otherwise. */
  state: ColumnState;
}

/** Statement's column uses of tables that have them at that point (phase 2 of the replay: before its changes). */
export function recordColumnUses(r: Replay, st: StatementFacts, point: Point): void {
  const out = r.columnSites[point.file];
  // (a statement's uses are mostly of one table: its name made once)
  let named: ObjectRecord | undefined;
  let tableName = '';
  for (const use of st.columnUses ?? []) {
    const key = r.keyOf(use.ref);
    const rec = key ? r.get(key) : undefined;
    const col = rec?.columns?.find((c) => c.name === use.name);
    // (a name not found in the text has the statement's range: no site)
    if (!key || !rec || !col || wholeStatement(use.range, st)) continue;
    const h = r.state.historyOf.get(rec);
    const column = h?.columnDefs.get(use.name)?.fact ?? `${key}#${use.name}`;
    if (rec !== named) {
      named = rec;
      tableName = intern(displayName(rec));
    }
    out.push({ point, kind: useKind(st, use.ref, use.name), table: key, tableName, name: use.name, at: use, column, state: settled(rec, h) ? col : { ...col } });
  }
}

/**
 * Whether `rec`'s column states stay as they are: a version's are never changed (the next change copies the
 * list first), nor are a base record's (records are copied before any change); others may be changed in place.
 */
function settled(rec: ObjectRecord, h: ObjectHistory | undefined): boolean {
  return h ? h.versions.length > 0 && h.versions[h.versions.length - 1].columns === rec.columns : rec.origin === 'builtin' || rec.origin === 'platform';
}

function wholeStatement(r: SourceRange, st: StatementFacts): boolean {
  return r.startByte === st.range.startByte && r.endByte === st.range.endByte;
}

function useKind(st: StatementFacts, ref: number, name: string): ColumnSiteKind {
  for (const e of st.effects) {
    if (e.type !== 'alter-table' || e.ref !== ref) continue;
    if (e.dropColumns.includes(name)) return 'drop';
    if (e.alterTypes.some((a) => a[0] === name) || e.alterColumns?.some((a) => a.name === name)) return 'alter';
  }
  return 'use';
}

/** A column of `rec` (live now) through renames: the fact that added it, else its table's key and name. */
export function columnIdentity(r: Replay, rec: ObjectRecord, name: string): ColumnFact | string {
  return r.state.historyOf.get(rec)?.columnDefs.get(name)?.fact ?? `${rec.key}#${name}`;
}

/** CREATE TABLE's columns, once the table is made (`rec`: its record, with the statement's foreign keys). */
export function recordCreatedColumns(r: Replay, rec: ObjectRecord, columns: ColumnFact[], point: Point): void {
  const out = r.columnSites[point.file];
  const tableName = intern(displayName(rec));
  // (the states are the table's first version's: never changed)
  columns.forEach((c, i) => {
    const state = rec.columns?.[i];
    if (state) out.push({ point, kind: 'create', table: rec.key, tableName, name: c.name, at: c, column: c, state });
  });
}

/**
 * After an ALTER TABLE's column changes: its added columns and renamed ones' new names, and the state
 * after it of the columns it alters (recorded as uses before it, from `first` on in the file's list).
 */
export function recordAlteredColumns(r: Replay, rec: ObjectRecord, added: ColumnFact[], renamed: { from: string; to: string; column: ColumnFact | string; at?: { range: SourceRange } }[], first: number, point: Point): void {
  const out = r.columnSites[point.file];
  const tableName = intern(displayName(rec));
  // (after a change the states are the version the statement pushed: settled, unless no version was pushed)
  const h = r.state.historyOf.get(rec);
  const keep = settled(rec, h);
  const stateOf = (name: string) => {
    const c = rec.columns?.find((x) => x.name === name);
    return c && !keep ? { ...c } : c;
  };
  for (let i = first; i < out.length; i++) {
    const s = out[i];
    if (s.kind !== 'alter' || s.table !== rec.key) continue;
    const now = stateOf(s.name);
    if (now) s.state = now;
  }
  for (const c of added) {
    const state = stateOf(c.name);
    if (state) out.push({ point, kind: 'add', table: rec.key, tableName, name: c.name, at: c, column: c, state });
  }
  for (const x of renamed) {
    const state = stateOf(x.to);
    if (state && x.at && !wholeStatement(x.at.range, r.st)) out.push({ point, kind: 'rename', table: rec.key, tableName, name: x.to, from: x.from, at: x.at, column: x.column, state });
  }
}

/** The column site whose name is written at byte `offset` of migration `fi` (the narrowest). */
export function columnSiteAt(t: Timeline, fi: number, offset: number): ColumnSite | undefined {
  let best: ColumnSite | undefined;
  for (const s of t.columnSites[fi] ?? []) {
    const { startByte, endByte } = s.at.range;
    if (offset < startByte || offset > endByte) continue;
    if (!best || endByte - startByte < best.at.range.endByte - best.at.range.startByte) best = s;
  }
  return best;
}

/** Every site of `column` (a `ColumnSite.column`), in apply order. */
export function sitesOfColumn(t: Timeline, column: ColumnSite['column']): ColumnSite[] {
  const out: ColumnSite[] = [];
  for (const list of t.columnSites) for (const s of list) if (s.column === column) out.push(s);
  return out;
}

/** Whether a site defines or changes the column (CREATE TABLE, ADD, RENAME, ALTER COLUMN), rather than uses it. */
export function changesColumn(s: ColumnSite): boolean {
  return s.kind === 'create' || s.kind === 'add' || s.kind === 'rename' || s.kind === 'alter';
}

/**
 * Where the column of `site` comes from, as of `site`: the statement that added it (none for a column no
 * migration added) and the last rename or alteration before that point (none if there was none).
 */
export function columnOrigin(t: Timeline, site: ColumnSite): { added?: ColumnSite; lastChange?: ColumnSite } {
  let added: ColumnSite | undefined;
  let lastChange: ColumnSite | undefined;
  for (const s of sitesOfColumn(t, site.column)) {
    if (s.kind === 'create' || s.kind === 'add') added ??= s;
    else if ((s.kind === 'rename' || s.kind === 'alter') && before(s.point, site.point)) lastChange = s;
  }
  return { added, lastChange };
}
