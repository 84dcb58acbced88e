/**
 * One replay of the migrations' facts in apply order. A `Replay` holds everything the replay reads and
 * changes (its state, where it is, the statement being replayed, what it answers), with the state's basic
 * operations (look up, set, remove, log a change) and the loop over a file's statements; effects.ts applies
 * a statement's effects, resolution.ts answers its references, snapshots.ts shares a state copy-on-write.
 */
import { baseObjects } from '../catalog';
import { grammarFor } from '../postgresVersion';
import type { RefFact, StatementFacts } from '../facts';
import { ObjectRecord, Point, samePoint } from '../objects';
import { checkColumns } from './columns';
import { recordColumnUses, type ColumnSite } from './columnSites';
import { changeEnumLabels, checkEnumLabels } from './enumLabels';
import { recordAbsentTargets } from './absentTargets';
import { Creations } from './creations';
import { noteCodeRun } from './foreignKeyTargets';
import { replayPublication } from './publications';
import { alterTable, create, createExtension, drop, ownedBy, rename } from './effects';
import { recordUses } from './records';
import { opaqueKey, resolve, sameResolution } from './resolution';
import { resumeState } from './snapshots';
import { eventAt, freshState, orderOf, pushEvent, ReplayState } from './state';
import { NameIndex } from './suggestions';
import type { DefinitionSite, Gone, ReplayStart, Resolution, ResolvedRef, TimelineFile, TimelineSnapshot, TimelineStream } from './types';

export class Replay {
  readonly files: TimelineFile[];
  /** The built-in and platform objects of the project's PostgreSQL version (catalog `baseObjects`). */
  readonly base: ReadonlyMap<string, ObjectRecord>;
  readonly stream: TimelineStream | undefined;
  /** The snapshot this replay resumed from, if it did. */
  readonly from: TimelineSnapshot | undefined;
  /** The file before which the replay keeps a snapshot (the resumed one's file; -1: none). */
  readonly snapshotAt: number;
  /** Replaced once when this replay takes a snapshot: it goes on over the snapshot, copy-on-write. */
  state: ReplayState;
  /** The snapshot resumed from, or the one this replay took. */
  snapshot: TimelineSnapshot | undefined;
  /** Every creation by key, for "created later". */
  readonly creations: Creations;
  /** Every name the folder and the platform create, for "did you mean". */
  readonly names: NameIndex;
  /**
   * What every key meant when: `at` orders the replay, (file, statement, phase) as `orderOf` counts it;
   * changes are logged at it. `histAt` is >= 0 while re-resolving: the state is then read as of that
   * position instead of the live state, and `histCreator` is the creator the record found had then.
   */
  at = 0;
  histAt = -1;
  histCreator: Point | undefined = undefined;
  /** Keys whose logs, shared with the snapshot, this resumed replay adds to (the next one cuts them back). */
  appended: Set<string> | undefined;
  /**
   * The keys changed from the snapshot's file on (see `Timeline.changedKeys`): a replay resumed from a
   * snapshot, or the one that takes it (from that file on).
   */
  changedKeys: Set<string> | undefined;
  /** One (immutable) resolution per object state, shared by every reference to it. */
  readonly okResolutions = new Map<ObjectRecord, Resolution & { status: 'ok' }>();
  /** Streamed: the candidate keys of each use that found nothing, as they were at its point (see stream.ts). */
  readonly pendingKeys = new Map<RefFact, string[]>();
  /** What the replay answers, per migration: its resolved references and the names it creates. */
  readonly refs: ResolvedRef[][];
  readonly defs: DefinitionSite[][];
  /** Per migration: where its statements write columns (./columnSites.ts; not kept by a streamed replay). */
  readonly columnSites: ColumnSite[][];
  /** Where the statement being replayed starts in its file's `columnSites`. */
  firstSite = 0;
  /** The statement being replayed and its point; `resolveAt` and `keyOf` read them (no closures per statement). */
  st!: StatementFacts;
  point!: Point;
  /** The statement's answers so far (one array reused for every statement). */
  readonly resolved: (ResolvedRef | undefined)[] = [];
  /**
   * The previous replay's list for the file being replayed (`ReplayStart.previous`), and where the
   * statement's references start in it: an answer that is the same as before keeps the previous object, so
   * an unchanged file allocates nothing for its references (most files after the edited one; it keeps its
   * previous list).
   */
  was: ResolvedRef[] | undefined = undefined;
  first = 0;

  constructor(files: TimelineFile[], keepHistory: boolean, resume: ReplayStart | undefined, stream: TimelineStream | undefined, postgresVersion?: number) {
    const from = resume && 'snapshot' in resume ? resume.snapshot : undefined;
    this.base = baseObjects(postgresVersion);
    this.files = files;
    this.stream = stream;
    this.from = from;
    this.snapshotAt = resume?.snapshotAt ?? from?.file ?? -1;
    this.state = from ? resumeState(from.state, orderOf(from.file, 0, 0)) : freshState(keepHistory);
    this.snapshot = from;
    this.creations = new Creations(files, from, this.snapshotAt, !!stream);
    this.names = new NameIndex(files, !!stream);
    this.appended = from?.state.appended;
    this.changedKeys = from ? new Set() : undefined;
    this.refs = files.map((_, i) => (from && i < from.file ? from.refs[i] : []));
    this.defs = files.map((_, i) => (from && i < from.file ? from.defs[i] : []));
    this.columnSites = files.map((_, i) => (from && i < from.file ? from.columnSites[i] : []));
    // the catalog lists built-ins up to PostgreSQL 17: on a later version, a pg_catalog name it does not list may exist
    if (!from && postgresVersion !== undefined && grammarFor(postgresVersion) > 17) {
      for (const ns of ['function', 'type', 'relation'] as const) this.addOpaque(opaqueKey('pg_catalog', ns));
    }
  }

  /** What `key` names now, or as of `histAt` while re-resolving. */
  get(key: string): ObjectRecord | undefined {
    if (this.histAt < 0) return this.liveGet(key);
    const ev = eventAt(this.state.keyLog!.get(key), this.histAt);
    this.histCreator = ev?.creator;
    return ev ? ev.rec : this.base.get(key);
  }

  liveGet(key: string): ObjectRecord | undefined {
    const l = this.state.live.get(key);
    if (l) return l;
    return this.state.deletedBase.has(key) ? undefined : this.base.get(key);
  }

  goneOf(key: string): Gone | undefined {
    return this.histAt < 0 ? this.state.goneByKey.get(key) : eventAt(this.state.goneLog!.get(key), this.histAt)?.gone;
  }

  /** Whether `what` (a schema, `ns:schema.` or a key: resolution.ts `opaqueKey`) is opaque now, or as of `histAt`. */
  isOpaque(what: string): boolean {
    return this.histAt < 0 ? this.state.opaqueSchemas.has(what) : (this.state.opaqueSince.get(what) ?? Infinity) <= this.histAt;
  }

  /** After every change to what `key` names: remember it (the last change at one `at` wins). */
  logKey(key: string): void {
    this.changedKeys?.add(key);
    const keyLog = this.state.keyLog;
    if (!keyLog) return;
    this.appended?.add(key);
    const rec = this.liveGet(key);
    pushEvent(keyLog, key, { at: this.at, rec, creator: rec?.def?.point });
  }

  setLive(key: string, rec: ObjectRecord): void {
    this.state.live.set(key, rec);
    this.logKey(key);
  }

  setGone(key: string, gone: Gone | undefined): void {
    const { goneByKey, goneLog } = this.state;
    if (gone) goneByKey.set(key, gone);
    else if (!goneByKey.delete(key)) return;
    this.changedKeys?.add(key);
    if (goneLog) {
      this.appended?.add(key);
      pushEvent(goneLog, key, { at: this.at, gone });
    }
  }

  /** From here on, names in `what` (see `isOpaque`) that nothing creates are unknown, not missing. */
  addOpaque(what: string): void {
    const { opaqueSchemas, opaqueSince } = this.state;
    if (opaqueSchemas.has(what)) return;
    opaqueSchemas.add(what);
    opaqueSince.set(what, this.at);
  }

  remove(key: string): void {
    this.state.live.delete(key);
    if (this.base.has(key)) this.state.deletedBase.add(key);
    this.logKey(key);
  }

  /** The answer for reference `i` of the statement being replayed (resolved on first use). */
  resolveAt(i: number): ResolvedRef {
    let r = this.resolved[i];
    if (!r) {
      const ref = this.st.refs[i];
      const point = this.point;
      const resolution = resolve(this, ref, point);
      const p = this.was?.[this.first + i];
      r = p && p.ref === ref && samePoint(p.point, point) && sameResolution(p.resolution, resolution) ? p : { ref, point, resolution };
      this.resolved[i] = r;
    }
    return r;
  }

  /** The key reference `i` of the statement being replayed resolved to, if it did. */
  keyOf(i: number | undefined): string | undefined {
    if (i === undefined) return undefined;
    const r = this.resolveAt(i).resolution;
    return r.status === 'ok' ? r.key : undefined;
  }

  /** Replay migration `fi`, statement by statement; `was`: the previous replay's answers for it, if any. */
  replayFile(fi: number, was: ResolvedRef[] | undefined): void {
    const file = this.files[fi];
    const stmts = file.facts.statements;
    const out = this.refs[fi];
    const resolved = this.resolved;
    this.was = was;
    for (let si = 0; si < stmts.length; si++) {
      const st = (this.st = stmts[si]);
      const first = (this.first = out.length);
      // the previous answer's point when it is this statement's (points are compared by value)
      const wp = was?.[first]?.point;
      const point = (this.point = wp && wp.file === fi && wp.stmt === si ? wp : { file: fi, stmt: si });
      resolved.length = st.refs.length;
      resolved.fill(undefined);
      this.at = orderOf(fi, si, 0);
      // 1. creations (so that a table's own foreign keys and a function's recursion resolve)
      for (const e of st.effects) {
        if (e.type === 'create') create(this, e, point, file.path, st);
        else if (e.type === 'extension') createExtension(this, e, point, file.path, st);
        else if (e.type === 'dynamic-create') this.addOpaque(opaqueKey(e.schema, e.ns, e.name));
      }
      // 2. references, against the state after this statement's creations
      this.at = orderOf(fi, si, 1);
      for (let i = 0; i < st.refs.length; i++) out.push(this.resolveAt(i));
      if (st.effects.some(makesUser)) recordUses(this, st, point);
      this.firstSite = this.columnSites[fi].length;
      if (st.columnUses) {
        checkColumns(this, st, point);
        if (!this.stream) recordColumnUses(this, st, point);
      }
      if (st.literalCasts || st.columnLiterals) checkEnumLabels(this, st, point);
      if (st.effects.length) recordAbsentTargets(this, st, point);
      // 3. changes: alters, renames, drops, OWNED BY
      this.at = orderOf(fi, si, 2);
      for (const e of st.effects) {
        if (e.type === 'alter-table') alterTable(this, e, point, file.path, st);
        else if (e.type === 'rename') rename(this, e, point, st);
        else if (e.type === 'drop') drop(this, e, point, st);
        else if (e.type === 'owned-by') ownedBy(this, e);
      }
      if (st.enumValueAdded || st.enumValueRenamed) changeEnumLabels(this, st);
      if (st.publication) replayPublication(this, st, point);
      if (st.dynamicSql || st.calls) noteCodeRun(this, st);
    }
    // resolveAt kept the previous object of every answer that is the same, at the same place in the list
    if (was && out.length === was.length && out.every((r, i) => r === was[i])) this.refs[fi] = was;
    this.was = undefined;
  }
}

/** A CREATE of a view, materialized view or function (what it uses is recorded once its references are resolved). */
function makesUser(e: StatementFacts['effects'][number]): boolean {
  return e.type === 'create' && (e.kind === 'view' || e.kind === 'materialized view' || e.ns === 'function');
}
