/**
 * Replays every migration's facts in apply order. Answers, for each reference, whether the object exists
 * at that point and who created it; records conflicts (creating what exists) and the state of every object
 * (columns as they are after each change). Works on facts only, never on SQL, so a re-run is cheap.
 */
import { addCatalog, baseObjects, extensionCatalog } from './catalog';
import { creationSchema } from './facts';
import type { ColumnFact, CreateEffect, Effect, FileFacts, RefFact, StatementFacts } from './facts';
import { before, ColumnState, Definition, displayName, ObjectRecord, objectKey, Point, samePoint } from './objects';
import type { SourceRange } from './positions';
import { editDistance } from './names';
import { OverlayMap } from './overlayMap';
import { usedRefs } from './rebase';
import type { Namespace } from './types';

export interface TimelineFile {
  path: string;
  facts: FileFacts;
}

export type Resolution =
  | { status: 'ok'; key: string; creator?: Point }
  | { status: 'missing-optional' }
  | { status: 'forward'; key: string; creator: Point }
  | { status: 'dropped'; key: string; gone: Gone }
  | { status: 'unknown'; suggestions: string[]; opaque: boolean };

export interface ResolvedRef {
  ref: RefFact;
  point: Point;
  resolution: Resolution;
}

export interface Gone {
  point: Point;
  how: 'dropped' | 'renamed';
  /** New name, for renames. */
  to?: string;
  range: SourceRange;
}

export interface Conflict {
  point: Point;
  effect: CreateEffect;
  key: string;
  existing: ObjectRecord;
}

export interface ObjectHistory {
  record: ObjectRecord;
  /** Column lists after each change, in order (for "columns at this point"). */
  versions: { point: Point; columns: ColumnState[] }[];
  /** Where its life ended, if it did. */
  gone?: Gone;
  /** Foreign keys declared on it: columns → target key. */
  foreignKeys: { columns: string[]; target: string; refColumns: string[] }[];
  /** Column definitions by name, with where they were written. */
  columnDefs: Map<string, ColumnDef>;
}

/** Where a column was written; range and insert point are read from the fact (kept current by rebaseFacts). */
export interface ColumnDef {
  point: Point;
  fact: ColumnFact;
  type: string;
}

export interface DefinitionSite {
  key: string;
  point: Point;
  /** The name as written in the creating statement. */
  range: SourceRange;
}

export interface Timeline {
  files: TimelineFile[];
  refs: ResolvedRef[][];
  /** Per migration: every name a statement creates (or re-creates), with the object's key. */
  defs: DefinitionSite[][];
  conflicts: Conflict[];
  /** Every object a migration created (including ones later dropped), by creation order. */
  histories: ObjectHistory[];
  /** The histories of tables (and partitioned tables), in creation order. */
  readonly tableHistories: ObjectHistory[];
  /** Histories by the key the object has at the end (or had when it went). */
  byKey: Map<string, ObjectHistory>;
  /** Objects that exist at the end (built on first use). */
  readonly final: Map<string, ObjectRecord>;
  /** Look up an object as the timeline knows it (migration-created or base). */
  lookup(key: string): ObjectRecord | undefined;
  /** Columns of a relation just before `point`. */
  columnsAt(key: string, point: Point): ColumnState[] | undefined;
  /** Schemas populated by extensions we have no catalog for: unknown names there are not reported. */
  opaqueSchemas: Set<string>;
  /** Extension names created in migrations that we know nothing about. */
  unknownExtensions: { point: Point; name: string; range: SourceRange }[];
  /**
   * Resolve migration `fi`'s references again against the state the replay recorded at each of its
   * statements, and replace `refs[fi]`. Only valid when the file's effects are unchanged since the replay
   * (facts.ts `effectSignature`): the edit can only have changed what the file uses, not what it does.
   * Costs the file's references, not the folder's.
   */
  reresolve(fi: number): void;
  /** The replay state just before one migration, when asked for (see `buildTimeline`'s `snapshotAt`). */
  snapshot?: TimelineSnapshot;
  /**
   * A replay resumed from `snapshot`, or the one that took it: every key whose record, creator or "gone"
   * state the replay changed from the snapshot's file on. Every other key names at the end the very object
   * it names in the snapshot, so two replays that share a snapshot can differ only on the union of their
   * sets.
   */
  changedKeys?: ReadonlySet<string>;
}

/**
 * The replay state just before migration `file`: a later replay after an edit that changed what `file`
 * does can start there instead of at the first migration. It is the state of the replay that took it, its
 * live records frozen: no replay changes them (they are copied on first change, the replay that took it
 * included); its event logs are cut back to `file` by each resumed replay, and its `refs` are kept current
 * by `reresolve`.
 */
export interface TimelineSnapshot {
  file: number;
  state: ReplayState;
  refs: ResolvedRef[][];
  defs: DefinitionSite[][];
  /** What the migrations before `file` create, by key (they are the same files whenever it is resumed). */
  createdBefore: Map<string, Point[]>;
}

/** Everything the replay mutates. */
interface ReplayState {
  live: Map<string, ObjectRecord>;
  deletedBase: Set<string>;
  histories: ObjectHistory[];
  /** Where the tables' histories are in `histories` (a history keeps its place when it is copied). */
  tableSlots: number[];
  historyOf: Map<ObjectRecord, ObjectHistory>;
  goneByKey: Map<string, Gone>;
  conflicts: Conflict[];
  opaqueSchemas: Set<string>;
  opaqueSince: Map<string, number>;
  unknownExtensions: Timeline['unknownExtensions'];
  /** What a key named after each change, and who had created it then (a record's `def` can change later). */
  keyLog?: Map<string, { at: number; rec: ObjectRecord | undefined; creator: Point | undefined }[]>;
  goneLog?: Map<string, { at: number; gone: Gone | undefined }[]>;
  /** Records (and their histories) owned by a snapshot: copied before the replay changes them. */
  frozen?: WeakSet<ObjectRecord>;
  /** A snapshot's state: the keys whose (shared) event logs replays resumed from it added to. */
  appended?: Set<string>;
  /** A snapshot's state: where each of its histories is in its list (see `snapshotHistoryIndex`). */
  historyIndex?: Map<ObjectHistory, number>;
}

function freshState(keepHistory: boolean): ReplayState {
  return {
    live: new Map(),
    deletedBase: new Set(),
    histories: [],
    tableSlots: [],
    historyOf: new Map(),
    goneByKey: new Map(),
    conflicts: [],
    opaqueSchemas: new Set(),
    opaqueSince: new Map(),
    unknownExtensions: [],
    keyLog: keepHistory ? new Map() : undefined,
    goneLog: keepHistory ? new Map() : undefined,
  };
}

/**
 * A replay's state as a snapshot, kept as it is: its live records are marked frozen, so that replays over it
 * (the one that takes it goes on like a resumed one) copy a record, and its history, before changing it
 * (`own`). Records no longer live never change again.
 */
function freezeState(s: ReplayState): ReplayState {
  const frozen = new WeakSet<ObjectRecord>();
  for (const r of s.live.values()) frozen.add(r);
  s.frozen = frozen;
  return s;
}

/**
 * A state to resume a replay from a snapshot: new containers over the snapshot's (frozen) records, which
 * `own` copies on first change; its maps are overlays on the snapshot's, which stay as they are. The event
 * logs are shared with the snapshot and cut back to it: events of an earlier replay resumed from it are
 * dropped (they are all at or after the snapshot's file).
 */
function resumeState(s: ReplayState, cutoff: number): ReplayState {
  // only the keys an earlier resumed replay logged (a snapshot's own logs end before its file)
  for (const k of s.appended ?? [])
    for (const log of [s.keyLog, s.goneLog] as (Map<string, { at: number }[]> | undefined)[]) {
      const list = log?.get(k);
      if (!list) continue;
      let n = list.length;
      while (n > 0 && list[n - 1].at >= cutoff) n--;
      if (n === 0) log!.delete(k);
      else if (n < list.length) list.length = n;
    }
  s.appended = new Set();
  return {
    live: new OverlayMap(s.live),
    deletedBase: new Set(s.deletedBase),
    histories: s.histories.slice(),
    tableSlots: s.tableSlots.slice(),
    historyOf: new OverlayMap(s.historyOf),
    goneByKey: new OverlayMap(s.goneByKey),
    conflicts: s.conflicts.slice(),
    opaqueSchemas: new Set(s.opaqueSchemas),
    opaqueSince: new OverlayMap(s.opaqueSince),
    unknownExtensions: s.unknownExtensions.slice(),
    keyLog: s.keyLog,
    goneLog: s.goneLog,
    frozen: s.frozen,
  };
}

/** The histories of the tables in a snapshot's state (as they are before its file; no replay changes them). */
export function snapshotTables(s: TimelineSnapshot): ObjectHistory[] {
  return s.state.tableSlots.map((i) => s.state.histories[i]);
}

/** Per snapshot: the keys of its live objects by their parent's key (built on first use). */
function snapshotChildren(s: TimelineSnapshot): Map<string, string[]> {
  let m = childrenIndex.get(s);
  if (!m) {
    m = new Map();
    for (const [k, r] of s.state.live) {
      if (!r.parent) continue;
      const list = m.get(r.parent);
      if (list) list.push(k);
      else m.set(r.parent, [k]);
    }
    childrenIndex.set(s, m);
  }
  return m;
}
const childrenIndex = new WeakMap<TimelineSnapshot, Map<string, string[]>>();

/** What a key names in a snapshot's state (as `Timeline.lookup` does at the end of a timeline). */
export function snapshotLookup(s: TimelineSnapshot, key: string): ObjectRecord | undefined {
  return s.state.live.get(key) ?? baseObjects().get(key);
}

/** Position of each of a snapshot's histories in its list (built on first use, kept with the snapshot). */
function snapshotHistoryIndex(s: ReplayState): Map<ObjectHistory, number> {
  if (!s.historyIndex) {
    const index = new Map<ObjectHistory, number>();
    s.histories.forEach((h, i) => index.set(h, i));
    s.historyIndex = index;
  }
  return s.historyIndex;
}

function copyRecord(r: ObjectRecord): ObjectRecord {
  return { ...r, columns: r.columns?.map((x) => ({ ...x })), signatures: r.signatures?.slice() };
}

function copyHistory(h: ObjectHistory, record: ObjectRecord): ObjectHistory {
  const copy = newHistory(record);
  copy.gone = h.gone;
  if (h.versions.length) copy.versions = h.versions.slice();
  if (h.foreignKeys.length) copy.foreignKeys = h.foreignKeys.slice();
  if (h.columnDefs.size) for (const [k, d] of h.columnDefs) columnDefsOf(copy).set(k, { ...d });
  return copy;
}

/**
 * Most histories (policies, functions, indexes, triggers…) never get a column or a foreign key: they share
 * these empty values until their first change (`columnDefsOf`, `versionsOf`, `foreignKeysOf`), which saves a
 * Map and two arrays per object in a large folder. Changing a shared empty value throws.
 */
class EmptyMap<K, V> extends Map<K, V> {
  override set(): this {
    throw new Error('shared empty map: use columnDefsOf()');
  }
}
const NO_COLUMN_DEFS: Map<string, ColumnDef> = new EmptyMap();
const NO_VERSIONS: ObjectHistory['versions'] = Object.freeze([]) as unknown as ObjectHistory['versions'];
const NO_FOREIGN_KEYS: ObjectHistory['foreignKeys'] = Object.freeze([]) as unknown as ObjectHistory['foreignKeys'];

function newHistory(record: ObjectRecord): ObjectHistory {
  return { record, versions: NO_VERSIONS, foreignKeys: NO_FOREIGN_KEYS, columnDefs: NO_COLUMN_DEFS };
}

function columnDefsOf(h: ObjectHistory): Map<string, ColumnDef> {
  if (h.columnDefs === NO_COLUMN_DEFS) h.columnDefs = new Map();
  return h.columnDefs;
}

function versionsOf(h: ObjectHistory): ObjectHistory['versions'] {
  if (h.versions === NO_VERSIONS) h.versions = [];
  return h.versions;
}

function foreignKeysOf(h: ObjectHistory): ObjectHistory['foreignKeys'] {
  if (h.foreignKeys === NO_FOREIGN_KEYS) h.foreignKeys = [];
  return h.foreignKeys;
}

/**
 * A file's references that did not resolve to an existing object (forward, dropped, unknown): for the rules
 * about them and for re-resolving them after a resumed replay, one pass over the file's references instead
 * of one per use. Cached per array: the timeline replaces a file's array when it resolves the file again,
 * never changes one in place.
 */
export function unresolvedRefs(refs: ResolvedRef[]): ResolvedRef[] {
  let out = unresolvedCache.get(refs);
  if (!out) {
    out = [];
    for (const r of refs) {
      const st = r.resolution.status;
      if (st !== 'ok' && st !== 'missing-optional') out.push(r);
    }
    unresolvedCache.set(refs, out);
  }
  return out;
}
const unresolvedCache = new WeakMap<ResolvedRef[], ResolvedRef[]>();

/** Whether two answers are the same, field by field. */
function sameResolution(r: Resolution, s: Resolution): boolean {
  if (r === s) return true;
  switch (r.status) {
    case 'ok':
      return s.status === 'ok' && r.key === s.key && samePoint(r.creator, s.creator);
    case 'forward':
      return s.status === 'forward' && r.key === s.key && samePoint(r.creator, s.creator);
    case 'missing-optional':
      return s.status === 'missing-optional';
    case 'dropped': {
      if (s.status !== 'dropped' || r.key !== s.key) return false;
      const g = r.gone;
      const h = s.gone;
      return g === h || (samePoint(g.point, h.point) && g.how === h.how && g.to === h.to && g.range === h.range);
    }
    case 'unknown':
      return s.status === 'unknown' && r.opaque === s.opaque && r.suggestions.length === s.suggestions.length && r.suggestions.every((x, i) => x === s.suggestions[i]);
  }
}

export function isTable(r: ObjectRecord): boolean {
  return r.ns === 'relation' && (r.kind === 'table' || r.kind === 'partitioned table');
}

const RELATION_LIKE = new Set(['table', 'partitioned table', 'view', 'materialized view', 'foreign table']);

/**
 * A one-off replay that reads each file's facts when it gets to it and keeps, once a file is replayed, only
 * what the rules and the dependency graph read (see `pruneStreamed`): a command-line check of a large
 * folder then holds the objects the migrations create, not every file's references and effects. Such a
 * timeline answers the rules and the graph exactly as a full one does; it is not for editor features.
 */
export interface TimelineStream {
  /** Migration `fi`'s facts (called once per file, in order). */
  load(fi: number): FileFacts;
}

const NO_REFS: RefFact[] = Object.freeze([]) as unknown as RefFact[];
const NO_EFFECTS: Effect[] = Object.freeze([]) as unknown as Effect[];
const NO_SUGGESTIONS: string[] = Object.freeze([]) as unknown as string[];

/** How a replay after an edit starts: from a snapshot, or from the first file keeping a snapshot at one. */
export type ReplayStart = ({ snapshot: TimelineSnapshot; snapshotAt?: number } | { snapshotAt: number }) & {
  /**
   * The previous replay's resolved references of the same files: a file whose references resolve exactly as
   * before keeps its previous list (the graph keeps that file's edges, the rules their cached pass, and the
   * new list is garbage before it is ever promoted).
   */
  previous?: ResolvedRef[][];
};

/**
 * Replay `files` in order. With `keepHistory`, also record what every key named after each change (a few
 * objects per created or dropped object), so that `reresolve` can later re-answer one file's references.
 */
export function buildTimeline(files: TimelineFile[], keepHistory = false, resume?: ReplayStart, stream?: TimelineStream): Timeline {
  if (stream && (keepHistory || resume)) throw new Error('a streamed timeline keeps no history and resumes nothing');
  const base = baseObjects();
  const from = resume && 'snapshot' in resume ? resume.snapshot : undefined;
  const snapshotAt = resume?.snapshotAt ?? from?.file ?? -1;
  let S: ReplayState = from ? resumeState(from.state, orderOf(from.file, 0, 0)) : freshState(keepHistory);
  // (reassigned once when this replay takes a snapshot: it goes on over the snapshot, copy-on-write)
  let { live, deletedBase, histories, tableSlots, historyOf, goneByKey, conflicts, opaqueSchemas, opaqueSince, unknownExtensions, keyLog, goneLog, frozen } = S;
  let snapshot: TimelineSnapshot | undefined = from;
  // Creations by key, for "created later": those before the snapshot's file come with it.
  const split = from ? from.file : Math.min(files.length, Math.max(0, snapshotAt));
  // (streamed: each file's creations are added when it is loaded, so only those up to the file being replayed
  // are known; uses of objects created by a later file are settled after the last one, see `settleStreamed`)
  const createdBefore = from?.createdBefore ?? (stream ? new Map<string, Point[]>() : creationsIn(files, 0, split));
  const createdFrom = stream ? new Map<string, Point[]>() : creationsIn(files, split, files.length);
  const creationsOf = (key: string): Point[] | undefined => {
    const a = createdBefore.get(key);
    const b = createdFrom.get(key);
    return a && b ? a.concat(b) : (a ?? b);
  };
  // (streamed: built as the files are loaded, since their facts are pruned once replayed)
  let namesIndexCache: Map<string, NameEntry[]> | undefined = stream ? baseNamesIndex() : undefined;
  const namesIndex = () => (namesIndexCache ??= buildNamesIndex(files));
  // The same names by length: a spelling within distance d differs in length by at most d.
  let namesByLengthCache: Map<number, [string, NameEntry[]][]> | undefined;
  const namesOfLength = (n: number): [string, NameEntry[]][] => {
    if (!namesByLengthCache) {
      namesByLengthCache = new Map();
      for (const e of namesIndex()) {
        const list = namesByLengthCache.get(e[0].length);
        if (list) list.push(e);
        else namesByLengthCache.set(e[0].length, [e]);
      }
    }
    return namesByLengthCache.get(n) ?? [];
  };

  // ---- what every key meant when: lets `reresolve` ask "what did K name at point p" after the replay ----
  // `at` orders the replay: (file, statement, phase), phase 0 = creations, 1 = references, 2 = changes.
  let at = 0;
  let histAt = -1; // >= 0 while re-resolving: read the state as of this `at` instead of the live state

  const liveGet = (key: string): ObjectRecord | undefined => {
    const l = live.get(key);
    if (l) return l;
    return deletedBase.has(key) ? undefined : base.get(key);
  };
  // in historical lookups, the creator the record had at that point (set by `get`, read by `resolve`)
  let histCreator: Point | undefined;
  const get = (key: string): ObjectRecord | undefined => {
    if (histAt < 0) return liveGet(key);
    const ev = eventAt(keyLog!.get(key), histAt);
    histCreator = ev?.creator;
    return ev ? ev.rec : base.get(key);
  };
  const goneOf = (key: string): Gone | undefined => (histAt < 0 ? goneByKey.get(key) : eventAt(goneLog!.get(key), histAt)?.gone);
  const isOpaque = (schema: string): boolean => (histAt < 0 ? opaqueSchemas.has(schema) : (opaqueSince.get(schema) ?? Infinity) <= histAt);
  // keys whose logs, shared with the snapshot, this resumed replay adds to (the next one cuts them back)
  let appended = from?.state.appended;
  // the keys changed from the snapshot's file on (see `Timeline.changedKeys`): a replay resumed from a
  // snapshot, or the one that takes it (from that file on)
  let changedKeys = from ? new Set<string>() : undefined;
  /** After every change to what `key` names: remember it (the last change at one `at` wins). */
  const logKey = (key: string) => {
    changedKeys?.add(key);
    if (!keyLog) return;
    appended?.add(key);
    const rec = liveGet(key);
    pushEvent(keyLog, key, { at, rec, creator: rec?.def?.point });
  };
  const setLive = (key: string, rec: ObjectRecord) => {
    live.set(key, rec);
    logKey(key);
  };
  const setGone = (key: string, gone: Gone | undefined) => {
    if (gone) goneByKey.set(key, gone);
    else if (!goneByKey.delete(key)) return;
    changedKeys?.add(key);
    if (goneLog) {
      appended?.add(key);
      pushEvent(goneLog, key, { at, gone });
    }
  };
  const addOpaque = (schema: string) => {
    if (opaqueSchemas.has(schema)) return;
    opaqueSchemas.add(schema);
    opaqueSince.set(schema, at);
  };
  /**
   * A record we may mutate: base records, and records a resumed replay shares with its snapshot, are
   * copied into the live map first (a shared record's history is copied with it, in its place).
   */
  const own = (rec: ObjectRecord): ObjectRecord => {
    // (a record a replay that is not resumed changes in place is not logged: it counts as changed here)
    changedKeys?.add(rec.key);
    const isFrozen = frozen?.has(rec) ?? false;
    if (!isFrozen && live.get(rec.key) === rec) return rec;
    // (never share a mutable list with the original: base records are shared by every analysis)
    const copy = copyRecord(rec);
    if (isFrozen) {
      ownHistory(rec, copy);
      for (let i = 0; i < conflicts.length; i++) if (conflicts[i].existing === rec) conflicts[i] = { ...conflicts[i], existing: copy };
    }
    setLive(rec.key, copy);
    return copy;
  };
  /**
   * A shared (snapshot) record's history, copied in its place for `record` (its copy, or itself once gone).
   * Only frozen records have shared histories, and those are the snapshot's: their positions are indexed
   * once per snapshot (every resumed replay's history list starts with the snapshot's).
   */
  const ownHistory = (rec: ObjectRecord, record: ObjectRecord): ObjectHistory | undefined => {
    const h = historyOf.get(rec);
    if (!h) return undefined;
    const hc = copyHistory(h, record);
    historyOf.set(record, hc);
    const i = snapshot ? snapshotHistoryIndex(snapshot.state).get(h) : undefined;
    if (i !== undefined && histories[i] === h) histories[i] = hc;
    return hc;
  };
  const remove = (key: string) => {
    live.delete(key);
    if (base.has(key)) deletedBase.add(key);
    logKey(key);
  };

  const okResolutions = new Map<ObjectRecord, Resolution & { status: 'ok' }>();
  // streamed: the candidate keys of each use that found nothing, as they were at its point (for `settleStreamed`)
  const pendingKeys = new Map<RefFact, string[]>();
  const refsOut: ResolvedRef[][] = files.map((_, i) => (from && i < from.file ? from.refs[i] : []));
  const defsOut: DefinitionSite[][] = files.map((_, i) => (from && i < from.file ? from.defs[i] : []));

  // The statement being replayed; resolveAt/keyOf read it (no closures per statement).
  let st: StatementFacts;
  let point: Point;
  // (one array reused for every statement: cleared for its references before it is replayed)
  const resolved: (ResolvedRef | undefined)[] = [];
  // The previous replay's list for this file (a resumed replay), and where the statement's references start
  // in it: an answer that is the same as before keeps the previous object, so an unchanged file allocates
  // nothing for its references (most files after the edited one; it keeps its previous list below).
  let was: ResolvedRef[] | undefined;
  let first = 0;
  const resolveAt = (i: number): ResolvedRef => {
    let r = resolved[i];
    if (!r) {
      const ref = st.refs[i];
      const resolution = resolve(ref, point);
      const p = was?.[first + i];
      r = p && p.ref === ref && samePoint(p.point, point) && sameResolution(p.resolution, resolution) ? p : { ref, point, resolution };
      resolved[i] = r;
    }
    return r;
  };
  const keyOf = (i: number | undefined): string | undefined => {
    if (i === undefined) return undefined;
    const r = resolveAt(i).resolution;
    return r.status === 'ok' ? r.key : undefined;
  };

  for (let fi = from ? from.file : 0; fi < files.length; fi++) {
    if (fi === snapshotAt && !from) {
      // The state so far becomes the snapshot as it is (its live records frozen), and this replay goes on
      // like one resumed from it: over overlays of its maps, copying a record (and its history) before
      // changing it. Nothing is copied up front (a 5,000-file folder has ~100,000 live records).
      const state = freezeState(S);
      snapshot = { file: fi, state, refs: refsOut.slice(0, fi), defs: defsOut.slice(0, fi), createdBefore };
      S = resumeState(state, orderOf(fi, 0, 0));
      ({ live, deletedBase, histories, tableSlots, historyOf, goneByKey, conflicts, opaqueSchemas, opaqueSince, unknownExtensions, keyLog, goneLog, frozen } = S);
      appended = state.appended;
      changedKeys = new Set();
    }
    if (stream) {
      const facts = stream.load(fi);
      files[fi] = { path: files[fi].path, facts };
      addCreations(createdFrom, fi, createdKeysOf(facts));
      addNames(namesIndexCache!, facts);
    }
    const file = files[fi];
    const stmts = file.facts.statements;
    const out = refsOut[fi];
    was = resume?.previous?.[fi];
    for (let si = 0; si < stmts.length; si++) {
      st = stmts[si];
      first = out.length;
      // the previous answer's point when it is this statement's (points are compared by value)
      const wp = was?.[first]?.point;
      point = wp && wp.file === fi && wp.stmt === si ? wp : { file: fi, stmt: si };
      resolved.length = st.refs.length;
      resolved.fill(undefined);
      at = orderOf(fi, si, 0);
      // 1. creations (so that a table's own foreign keys and a function's recursion resolve)
      for (const e of st.effects) {
        if (e.type === 'create') create(e, point, file.path, st, keyOf);
        else if (e.type === 'extension') createExtension(e, point, file.path, st);
      }
      // 2. references, against the state after this statement's creations
      at = orderOf(fi, si, 1);
      for (let i = 0; i < st.refs.length; i++) out.push(resolveAt(i));
      // 3. changes: alters, renames, drops
      at = orderOf(fi, si, 2);
      for (const e of st.effects) {
        if (e.type === 'alter-table') alterTable(e, point, keyOf);
        else if (e.type === 'rename') rename(e, point, st, keyOf);
        else if (e.type === 'drop') drop(e, point, st, keyOf);
      }
    }
    // resolveAt kept the previous object of every answer that is the same, at the same place in the list
    if (was && out.length === was.length && out.every((r, i) => r === was![i])) refsOut[fi] = was;
    if (stream) pruneStreamed(fi);
  }
  if (stream) {
    settleStreamed();
    // what only the replay reads (a streamed timeline is never resolved again): garbage before the rules run
    createdFrom.clear();
    namesIndexCache = undefined;
    namesByLengthCache = undefined;
    okResolutions.clear();
    historyOf.clear();
    pendingKeys.clear();
  }

  /**
   * A streamed file once replayed: of its resolved references, those the rules report (every one that did
   * not resolve) and one per object of another migration it uses (the dependency graph's edges); of its
   * facts, what the rules read (statement ranges, directives, syntax errors, line index); the effects' parts
   * the state holds (columns, created objects) stay reachable from it. The rest is garbage from here on.
   */
  function pruneStreamed(fi: number): void {
    const kept: ResolvedRef[] = [];
    const edges = new Set<string>();
    for (const r of refsOut[fi]) {
      const res = r.resolution;
      if (res.status === 'ok') {
        if (!res.creator || res.creator.file === fi) continue;
        // the graph needs each (creator, object) once, and whether some use is outside a function body
        const id = `${res.creator.file}\u0000${res.key}\u0000${r.ref.deferred ? 1 : 0}`;
        if (edges.has(id)) continue;
        edges.add(id);
      } else if (res.status === 'missing-optional') continue;
      kept.push(r);
    }
    refsOut[fi] = kept;
    for (const st of files[fi].facts.statements) {
      st.refs = NO_REFS;
      st.effects = NO_EFFECTS;
    }
  }

  /**
   * After a streamed replay: a use that found nothing at its point was answered with what was known then
   * (dropped, or unknown without suggestions); with every file's creations now known it gets the answer
   * `resolve` gives with all of them up front: created by a later migration, else as it was, with the
   * "did you mean" suggestions (from every name the folder creates).
   */
  function settleStreamed(): void {
    for (let fi = 0; fi < refsOut.length; fi++) {
      const list = refsOut[fi];
      // (a new list when an answer changes: lists are never changed in place, see `unresolvedRefs`)
      let settled: ResolvedRef[] | undefined;
      for (let i = 0; i < list.length; i++) {
        const r = list[i];
        const res = r.resolution;
        if (res.status !== 'dropped' && res.status !== 'unknown') continue;
        // the names it was looked up under then (a trigger's or policy's depend on its table at that point)
        const keys = pendingKeys.get(r.ref) ?? candidates(r.ref);
        const later = laterCreation(keys, r.point);
        let resolution: Resolution | undefined;
        if (later) resolution = { status: 'forward', key: later.key, creator: later.creator };
        else if (res.status === 'unknown') resolution = { status: 'unknown', suggestions: suggest(r.ref, keys), opaque: res.opaque };
        if (resolution) (settled ??= list.slice())[i] = { ref: r.ref, point: r.point, resolution };
      }
      if (settled) refsOut[fi] = settled;
    }
  }

  function reresolve(fi: number): void {
    if (!keyLog) throw new Error('reresolve needs a timeline built with keepHistory');
    const stmts = files[fi].facts.statements;
    // References the file's effects use are the same objects as before (rebaseFacts keeps them) and were
    // resolved in the middle of their statement's creations: keep those answers, they cannot have changed.
    const kept = new Map<RefFact, Resolution>();
    for (const r of refsOut[fi]) kept.set(r.ref, r.resolution);
    const out: ResolvedRef[] = [];
    try {
      for (let si = 0; si < stmts.length; si++) {
        const s = stmts[si];
        if (!s.refs.length) continue;
        const p: Point = { file: fi, stmt: si };
        histAt = orderOf(fi, si, 1);
        for (const ref of s.refs) out.push({ ref, point: p, resolution: kept.get(ref) ?? resolve(ref, p) });
      }
    } finally {
      histAt = -1;
    }
    refsOut[fi] = out;
    if (snapshot && fi < snapshot.file) snapshot.refs[fi] = out;
  }

  /** Resolve again the references of files before the resumed one that depend on later files (not found). */
  function reresolveUnresolvedBefore(k: number): void {
    try {
      for (let fi = 0; fi < k; fi++) {
        const list = refsOut[fi];
        const pending = unresolvedRefs(list);
        if (!pending.length) continue;
        const again = new Map<ResolvedRef, ResolvedRef>();
        let usedIn = -1;
        let used: Set<RefFact> | undefined;
        for (const r of pending) {
          // A reference a CREATE uses (its table, a foreign key's target) was resolved during the
          // statement's creations, before the one it did not find (or it would have found it): ask the
          // state before the statement instead.
          if (usedIn !== r.point.stmt) {
            usedIn = r.point.stmt;
            const s = files[fi].facts.statements[usedIn];
            used = new Set(usedRefs(s.effects.filter((e) => e.type === 'create')).map((j) => s.refs[j]));
          }
          histAt = used!.has(r.ref) ? orderOf(fi, r.point.stmt, 0) - 1 : orderOf(fi, r.point.stmt, 1);
          again.set(r, { ref: r.ref, point: r.point, resolution: resolve(r.ref, r.point) });
        }
        refsOut[fi] = list.map((r) => again.get(r) ?? r);
      }
    } finally {
      histAt = -1;
    }
  }
  // a resumed replay: uses of later-created objects before the resumed file may have changed status
  if (from) reresolveUnresolvedBefore(from.file);

  function candidates(ref: RefFact): string[] {
    const { ns, name } = ref;
    if (ns === 'trigger' || ns === 'policy') {
      const parent = ref.parent;
      if (!parent) return [];
      const keys = candidateKeys('relation', parent.schema, parent.name, ref.path);
      const found = keys.find((k) => get(k));
      const pk = found ?? keys[0];
      if (!pk) return [];
      const rest = pk.slice(pk.indexOf(':') + 1);
      const dot = rest.indexOf('.');
      return [objectKey(ns, rest.slice(0, dot), name, rest.slice(dot + 1))];
    }
    return (ref.keys ??= candidateKeys(ns, ref.schema, name, ref.path));
  }

  function resolve(ref: RefFact, point: Point): Resolution {
    const keys = candidates(ref);
    for (const k of keys) {
      const rec = get(k);
      if (rec && (ref.ns !== 'type' || rec.ns === 'type' || RELATION_LIKE.has(rec.kind))) {
        // one (immutable) resolution object per object state, shared by every reference to it
        const creator = histAt < 0 ? rec.def?.point : histCreator;
        const cached = okResolutions.get(rec);
        if (cached && cached.key === k && cached.creator === creator) return cached;
        const r: Resolution & { status: 'ok' } = { status: 'ok', key: k, creator };
        okResolutions.set(rec, r);
        return r;
      }
    }
    if (ref.optional) return { status: 'missing-optional' };
    // created later? (streamed: only later in this file is known yet; later files are settled at the end, and
    // any of those comes after a creation further down this file, which is the answer then)
    const best = laterCreation(keys, point);
    if (best) return { status: 'forward', key: best.key, creator: best.creator };
    for (const k of keys) {
      const g = goneOf(k);
      if (g) {
        if (stream) pendingKeys.set(ref, keys);
        return { status: 'dropped', key: k, gone: g };
      }
    }
    const schemasTried = new Set(keys.map((k) => k.slice(k.indexOf(':') + 1).split('.')[0]));
    const opaque = [...schemasTried].some((s) => isOpaque(s));
    if (stream) pendingKeys.set(ref, keys);
    return { status: 'unknown', suggestions: stream ? NO_SUGGESTIONS : suggest(ref, keys), opaque };
  }

  /** The first creation of one of `keys` after `point`, as known. */
  function laterCreation(keys: string[], point: Point): { key: string; creator: Point } | undefined {
    let best: { key: string; creator: Point } | undefined;
    for (const k of keys) {
      const list = creationsOf(k);
      if (!list) continue;
      const next = list.find((p) => before(point, p));
      if (next && (!best || before(next, best.creator))) best = { key: k, creator: next };
    }
    return best;
  }

  function suggest(ref: RefFact, tried: string[]): string[] {
    const out: string[] = [];
    const sameName = namesIndex().get(ref.name) ?? [];
    for (const s of sameName) {
      if (tried.includes(s.key)) continue;
      if (s.ns !== ref.ns && !(ref.ns === 'type' && s.ns === 'relation')) continue;
      out.push(s.display);
    }
    if (out.length) return dedupe(out).slice(0, 3);
    // similar spelling in the same namespace (created anywhere in the folder, or platform)
    const max = ref.name.length <= 4 ? 1 : 2;
    const scored: { d: number; display: string }[] = [];
    for (let len = ref.name.length - max; len <= ref.name.length + max; len++) {
      for (const [name, list] of namesOfLength(len)) {
        if (name === ref.name) continue;
        const d = editDistance(name, ref.name, max);
        if (d > max) continue;
        for (const s of list) {
          if (s.ns !== ref.ns) continue;
          if (ref.schema && s.schema !== ref.schema && s.origin === 'builtin') continue;
          if (s.origin === 'builtin' && ref.ns === 'relation') continue;
          scored.push({ d, display: s.display });
        }
      }
    }
    scored.sort((a, b) => a.d - b.d || a.display.localeCompare(b.display));
    return dedupe(scored.map((s) => s.display)).slice(0, 3);
  }

  function define(rec: ObjectRecord, point: Point, file: string, range: SourceRange, st: StatementFacts): ObjectHistory {
    const def: Definition = { point, file, range, statement: st.range };
    rec.def = def;
    if (live.get(rec.key) === rec) logKey(rec.key); // the creator is part of what the key names from here
    // (create() records the first column version once the statement's foreign keys are known)
    return addHistory(rec);
  }

  /** A new history for `rec`, registered (and listed among the tables' if it is one). */
  function addHistory(rec: ObjectRecord): ObjectHistory {
    const h = newHistory(rec);
    if (isTable(rec)) tableSlots.push(histories.length);
    histories.push(h);
    historyOf.set(rec, h);
    return h;
  }

  function create(e: CreateEffect, point: Point, file: string, st: StatementFacts, keyOf: (i: number | undefined) => string | undefined): void {
    let schema = e.schema;
    let parentKey: string | undefined;
    let parentName: string | undefined;
    if (e.parentRef !== undefined) {
      parentKey = keyOf(e.parentRef);
      const pr = st.refs[e.parentRef];
      const prec = parentKey ? get(parentKey) : undefined;
      schema = prec?.schema ?? pr.schema ?? creationSchema(pr.path);
      parentName = prec?.name ?? pr.name;
      if (!parentKey) parentKey = objectKey('relation', schema, parentName);
    }
    // (a timeline with history is replayed again after edits: remember the key; a one-off build does not)
    const key = keyLog ? createdKey(e, schema, parentName) : objectKey(e.ns, schema, e.name, parentName);
    defsOut[point.file].push({ key, point, range: e.range });
    const existing = get(key);
    if (existing) {
      const sameSignature = e.ns !== 'function' || (existing.signatures ?? []).includes(e.signature ?? '');
      if (sameSignature && !e.ifNotExists && !e.orReplace && !e.conditional) conflicts.push({ point, effect: e, key, existing });
      if (e.ns === 'function' && !sameSignature) {
        const rec = own(existing);
        rec.signatures = [...(rec.signatures ?? []), e.signature ?? ''];
        if (!historyOf.get(rec)) define(rec, point, file, e.range, st);
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
    setLive(key, rec);
    setGone(key, undefined);
    const h = define(rec, point, file, e.range, st);
    if (e.columns) {
      for (const c of e.columns) columnDefsOf(h).set(c.name, { point, fact: c, type: c.type });
      for (const c of e.columns) if (c.references) addForeignKey(h, rec, [c.name], keyOf(c.references.ref), c.references.columns);
    }
    for (const fk of e.foreignKeys ?? []) addForeignKey(h, rec, fk.columns, keyOf(fk.ref), fk.refColumns);
    // the first version, with the foreign keys declared in the statement itself
    // shared with the record until an ALTER changes the columns (alterTable copies them first)
    if (rec.columns) h.versions = [{ point, columns: rec.columns }];
  }

  function addForeignKey(h: ObjectHistory, rec: ObjectRecord, columns: string[], target: string | undefined, refColumns: string[]): void {
    if (!target) {
      // target unresolved: still counts as "has a foreign key" for the missing-FK rule
      foreignKeysOf(h).push({ columns, target: '', refColumns });
      return;
    }
    foreignKeysOf(h).push({ columns, target, refColumns });
    const t = get(target);
    const label = t ? `${displayName(t)}(${refColumns.join(', ') || (t.primaryKey ?? []).join(', ')})` : target;
    for (const c of rec.columns ?? []) if (columns.includes(c.name)) c.references = label;
  }

  function createExtension(e: Extract<Effect, { type: 'extension' }>, point: Point, file: string, st: StatementFacts): void {
    const key = objectKey('extension', '', e.name);
    defsOut[point.file].push({ key, point, range: e.range });
    const existing = get(key);
    if (existing) {
      if (!e.ifNotExists) {
        conflicts.push({
          point,
          key,
          existing,
          effect: { type: 'create', ns: 'extension', kind: 'extension', schema: '', name: e.name, range: e.range, ifNotExists: false, orReplace: false, conditional: false },
        });
      }
      return;
    }
    const rec: ObjectRecord = { key, ns: 'extension', kind: 'extension', schema: '', name: e.name, origin: 'migration' };
    setLive(key, rec);
    define(rec, point, file, e.range, st);
    const cat = extensionCatalog(e.name);
    const target = cat?.fixedSchema ?? e.schema ?? searchSchemas(e.path, 'relation').find((s) => s !== 'pg_catalog' && s !== 'pg_temp' && get(objectKey('schema', '', s))) ?? 'public';
    if (!cat) {
      addOpaque(target);
      unknownExtensions.push({ point, name: e.name, range: e.range });
      return;
    }
    const objs = addCatalog(live, cat.objects, 'extension', (s) => (s === '@extschema@' ? target : s), e.name, own);
    for (const o of objs) {
      o.def = { point, file, range: e.range, statement: st.range };
      logKey(o.key);
      setGone(o.key, undefined);
    }
  }

  function alterTable(e: Extract<Effect, { type: 'alter-table' }>, point: Point, keyOf: (i: number | undefined) => string | undefined): void {
    const key = keyOf(e.ref);
    if (!key) return;
    const cur = get(key);
    if (!cur) return;
    const rec = own(cur);
    // a platform or extension table altered by a migration gets its history here
    const h = historyOf.get(rec) ?? addHistory(rec);
    // versions share their column list with the record: change a copy
    const latest = h.versions[h.versions.length - 1];
    if (rec.columns && latest && latest.columns === rec.columns) rec.columns = rec.columns.map((c) => ({ ...c }));
    const cols = rec.columns ?? (rec.columns = []);
    let changed = false;
    for (const c of e.addColumns) {
      if (cols.some((x) => x.name === c.name)) continue;
      cols.push({ name: c.name, type: c.type, display: c.display, notNull: c.notNull, primaryKey: c.primaryKey });
      columnDefsOf(h).set(c.name, { point, fact: c, type: c.type });
      if (c.references) addForeignKey(h, rec, [c.name], keyOf(c.references.ref), c.references.columns);
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
    for (const fk of e.foreignKeys) addForeignKey(h, rec, fk.columns, keyOf(fk.ref), fk.refColumns);
    if (e.primaryKey) {
      rec.primaryKey = e.primaryKey;
      for (const c of cols) if (e.primaryKey.includes(c.name)) c.primaryKey = c.notNull = true;
      changed = true;
    }
    if (e.rowLevelSecurity !== undefined) rec.rowLevelSecurity = e.rowLevelSecurity;
    if (changed || e.foreignKeys.length) versionsOf(h).push({ point, columns: cols });
  }

  function rename(e: Extract<Effect, { type: 'rename' }>, point: Point, st: StatementFacts, keyOf: (i: number | undefined) => string | undefined): void {
    const key = keyOf(e.ref);
    if (!key) return;
    const cur = get(key);
    if (!cur) return;
    const schema = e.newSchema ?? cur.schema;
    const name = e.newName ?? cur.name;
    const parentName = cur.parent ? cur.parent.slice(cur.parent.lastIndexOf('.') + 1) : undefined;
    const newKey = objectKey(cur.ns, schema, name, parentName);
    if (newKey === key) return;
    const rec = own(cur);
    remove(key);
    rec.key = newKey;
    rec.schema = schema;
    rec.name = name;
    setLive(newKey, rec);
    setGone(newKey, undefined);
    const gone: Gone = { point, how: 'renamed', to: displayName(rec), range: st.refs[e.ref].range };
    setGone(key, gone);
    // children (triggers, policies, indexes) follow their table
    if (cur.ns === 'relation') {
      for (const [k, child] of childrenOf(key)) {
        const c = own(child);
        live.delete(k);
        logKey(k);
        c.parent = newKey;
        if (c.ns === 'relation') c.schema = schema;
        c.key = objectKey(c.ns, c.ns === 'relation' ? schema : schema, c.name, name);
        setLive(c.key, c);
      }
    }
  }

  /**
   * The live objects whose parent is `parentKey` (a table's policies, triggers, indexes). Over a snapshot
   * (a resumed replay, or the one that took it, from its file on) they are the snapshot's children of that
   * table, as they are now, and the ones this replay set: not every live object of the folder.
   */
  function childrenOf(parentKey: string): [string, ObjectRecord][] {
    if (!snapshot || !(live instanceof OverlayMap)) return [...live].filter(([, r]) => r.parent === parentKey);
    const out: [string, ObjectRecord][] = [];
    const seen = new Set<string>();
    for (const k of snapshotChildren(snapshot).get(parentKey) ?? []) {
      const r = live.get(k);
      if (r && r.parent === parentKey) {
        out.push([k, r]);
        seen.add(k);
      }
    }
    for (const [k, r] of live.ownEntries()) if (r.parent === parentKey && !seen.has(k)) out.push([k, r]);
    return out;
  }

  function drop(e: Extract<Effect, { type: 'drop' }>, point: Point, st: StatementFacts, keyOf: (i: number | undefined) => string | undefined): void {
    const key = keyOf(e.ref);
    if (!key) return;
    let cur = get(key);
    if (!cur) return;
    const ref = st.refs[e.ref];
    if (cur.ns === 'function' && ref.signature !== undefined && (cur.signatures?.length ?? 0) > 1) {
      // (the copy from here on: its history is the one in the list, if it was copied)
      cur = own(cur);
      cur.signatures = (cur.signatures ?? []).filter((s) => s !== ref.signature);
      if (cur.signatures.length) return;
    }
    const gone: Gone = { point, how: 'dropped', range: ref.range };
    remove(key);
    setGone(key, gone);
    const h = historyOf.get(cur);
    if (h) (frozen?.has(cur) ? ownHistory(cur, cur)! : h).gone = gone;
    const children = (pred: (r: ObjectRecord) => boolean, candidates?: [string, ObjectRecord][]) => {
      for (const [k, r] of candidates ?? [...live]) if (pred(r)) {
        remove(k);
        setGone(k, gone);
        // its history ends here too (a table dropped with its schema has no columns left to check)
        const ch = historyOf.get(r);
        if (ch && !ch.gone) (frozen?.has(r) ? ownHistory(r, r)! : ch).gone = gone;
      }
      for (const [k, r] of base)
        if (!deletedBase.has(k) && !live.has(k) && pred(r)) {
          deletedBase.add(k);
          logKey(k);
        }
    };
    if (cur.ns === 'relation') children((r) => r.parent === key, childrenOf(key));
    if (cur.ns === 'schema' && e.cascade) children((r) => r.schema === cur.name && r.ns !== 'schema' && r.ns !== 'role' && r.ns !== 'extension');
    if (cur.ns === 'extension') children((r) => r.extension === cur.name);
  }

  let tables: ObjectHistory[] | undefined;
  // the objects that exist at the end: built on first use (a map of every object in a large folder)
  let final: Map<string, ObjectRecord> | undefined;
  const finalObjects = () => {
    if (!final) {
      final = new Map();
      for (const h of histories) if (!h.gone && live.get(h.record.key) === h.record) final.set(h.record.key, h.record);
    }
    return final;
  };
  // by key: only editor requests ask, so it is built on first use
  let byKey: Map<string, ObjectHistory> | undefined;
  const historiesByKey = () => {
    if (!byKey) {
      byKey = new Map();
      for (const h of histories) byKey.set(h.record.key, h);
    }
    return byKey;
  };

  return {
    files,
    refs: refsOut,
    defs: defsOut,
    conflicts,
    histories,
    get tableHistories() {
      return (tables ??= tableSlots.map((i) => histories[i]));
    },
    get byKey() {
      return historiesByKey();
    },
    get final() {
      return finalObjects();
    },
    opaqueSchemas,
    unknownExtensions,
    reresolve,
    snapshot,
    changedKeys,
    lookup: (key) => live.get(key) ?? base.get(key),
    columnsAt(key, point) {
      const h = historiesByKey().get(key);
      if (!h) return base.get(key)?.columns;
      let cols: ColumnState[] | undefined;
      for (const v of h.versions) {
        if (before(v.point, point)) cols = v.columns;
        else break;
      }
      return cols ?? h.versions[0]?.columns;
    },
  };
}

/**
 * Position of a replay step: statements per file < 2^24, three phases per statement; never below 4, so
 * that "just before the first statement" (orderOf(0, 0, 0) - 1) is a position too.
 */
const STATEMENTS_PER_FILE = 1 << 24;
function orderOf(file: number, stmt: number, phase: 0 | 1 | 2): number {
  return (file * STATEMENTS_PER_FILE + stmt + 1) * 4 + phase;
}

/** The last event of a key's log at or before `at` (what the key meant then), if any. */
function eventAt<T extends { at: number }>(log: T[] | undefined, at: number): T | undefined {
  if (log) for (let i = log.length - 1; i >= 0; i--) if (log[i].at <= at) return log[i];
  return undefined;
}

function pushEvent<T extends { at: number }>(map: Map<string, T[]>, key: string, ev: T): void {
  const list = map.get(key);
  if (!list) map.set(key, [ev]);
  else if (list[list.length - 1].at === ev.at) list[list.length - 1] = ev;
  else list.push(ev);
}

/** Schemas searched for an unqualified name: pg_temp (relations), pg_catalog, then the search path. */
export function searchSchemas(path: string[], ns: Namespace): string[] {
  const out: string[] = [];
  if (ns === 'relation' || ns === 'type') out.push('pg_temp');
  if (!path.includes('pg_catalog')) out.push('pg_catalog');
  for (const s of path) if (s !== '$user' && !out.includes(s)) out.push(s);
  return out;
}

/** Keys a statement list creates, per file facts (facts are immutable: cached across runs). */
const createdKeysCache = new WeakMap<FileFacts, { key: string; stmt: number }[]>();

function createdKeys(facts: FileFacts): { key: string; stmt: number }[] {
  let list = createdKeysCache.get(facts);
  if (list) return list;
  list = createdKeysOf(facts);
  createdKeysCache.set(facts, list);
  return list;
}

/** The keys a file's statements create (uncached: a streamed replay reads each file's facts once). */
function createdKeysOf(facts: FileFacts): { key: string; stmt: number }[] {
  const list: { key: string; stmt: number }[] = [];
  const add = (key: string, stmt: number) => list.push({ key, stmt });
  facts.statements.forEach((st, si) => {
    for (const e of st.effects) {
      if (e.type === 'create') {
        if (e.parentRef !== undefined) {
          const pr = st.refs[e.parentRef];
          const schema = pr.schema ?? creationSchema(pr.path);
          add(objectKey(e.ns, schema, e.name, pr.name), si);
        } else add(objectKey(e.ns, e.schema, e.name), si);
      } else if (e.type === 'extension') {
        add(objectKey('extension', '', e.name), si);
        const cat = extensionCatalog(e.name);
        if (!cat) continue;
        const target = cat.fixedSchema ?? e.schema ?? creationSchema(e.path);
        const sch = (s: string) => (s === '@extschema@' ? target : s);
        for (const s of cat.objects.schemas ?? []) add(objectKey('schema', '', sch(s)), si);
        for (const r of cat.objects.relations) add(objectKey('relation', sch(r.schema), r.name), si);
        for (const t of cat.objects.types) add(objectKey('type', sch(t.schema), t.name), si);
        for (const fn of cat.objects.functions) add(objectKey('function', sch(fn.schema), fn.name), si);
      } else if (e.type === 'rename') {
        const r = st.refs[e.ref];
        const schema = e.newSchema ?? r.schema ?? creationSchema(r.path);
        if (r.ns !== 'trigger' && r.ns !== 'policy') add(objectKey(r.ns, schema, e.newName ?? r.name), si);
      }
    }
  });
  return list;
}

/**
 * The key a CREATE makes, remembered per effect (with the schema and parent name it was built for: an
 * index, policy or trigger takes them from its table as resolved), so that replaying the effect again
 * does not build it again (concatenating, flattening and interning a string).
 */
function createdKey(e: CreateEffect, schema: string, parentName: string | undefined): string {
  const c = createdKeyCache.get(e);
  if (c && c.schema === schema && c.parentName === parentName) return c.key;
  const key = objectKey(e.ns, schema, e.name, parentName);
  createdKeyCache.set(e, { schema, parentName, key });
  return key;
}
const createdKeyCache = new WeakMap<CreateEffect, { schema: string; parentName: string | undefined; key: string }>();

/** Every creation in migrations [from, to), by key, in apply order (for "created later by …"). */
function creationsIn(files: TimelineFile[], from: number, to: number): Map<string, Point[]> {
  const out = new Map<string, Point[]>();
  for (let fi = from; fi < to; fi++) addCreations(out, fi, createdKeys(files[fi].facts));
  return out;
}

function addCreations(out: Map<string, Point[]>, fi: number, created: { key: string; stmt: number }[]): void {
  for (const { key, stmt } of created) {
    const p = { file: fi, stmt };
    const list = out.get(key);
    if (list) list.push(p);
    else out.set(key, [p]);
  }
}

/** Candidate keys for a name: cached, since the same names and search paths recur everywhere. */
const candidateCache = new WeakMap<string[], Map<string, string[]>>();
const qualifiedCache = new Map<string, string[]>();

function candidateKeys(ns: Namespace, schema: string | null, name: string, path: string[]): string[] {
  if (ns === 'schema' || ns === 'extension' || ns === 'role' || ns === 'publication') {
    // (the cache is looked up with the concatenated name; only a miss pays for interning it)
    const k = `${ns}:${name}`;
    let v = qualifiedCache.get(k);
    if (!v) qualifiedCache.set(k, (v = [objectKey(ns, '', name)]));
    return v;
  }
  if (schema) {
    const k = `${ns}:${schema}.${name}`;
    let v = qualifiedCache.get(k);
    if (!v) {
      if (qualifiedCache.size > 500_000) qualifiedCache.clear();
      const key = objectKey(ns, schema, name);
      v = ns === 'type' ? [key, objectKey('relation', schema, name)] : [key];
      qualifiedCache.set(k, v);
    }
    return v;
  }
  let byName = candidateCache.get(path);
  if (!byName) candidateCache.set(path, (byName = new Map()));
  const k = `${ns}\u0000${name}`;
  let v = byName.get(k);
  if (!v) {
    v = [];
    for (const s of searchSchemas(path, ns)) {
      v.push(objectKey(ns, s, name));
      if (ns === 'type') v.push(objectKey('relation', s, name));
    }
    byName.set(k, v);
  }
  return v;
}

interface NameEntry {
  key: string;
  ns: Namespace;
  schema: string;
  display: string;
  origin: ObjectRecord['origin'];
}

let baseNames: Map<string, NameEntry[]> | undefined;

/** name → objects of that name anywhere (folder and platform), for "did you mean". Built only when needed. */
function buildNamesIndex(files: TimelineFile[]): Map<string, NameEntry[]> {
  const out = baseNamesIndex();
  for (const f of files) addNames(out, f.facts);
  return out;
}

/** A names index with the platform's and Postgres' names only (a copy: `addNames` adds to it). */
function baseNamesIndex(): Map<string, NameEntry[]> {
  if (!baseNames) {
    baseNames = new Map();
    for (const rec of baseObjects().values()) {
      if (rec.origin === 'builtin' && rec.ns !== 'schema') continue;
      const e: NameEntry = { key: rec.key, ns: rec.ns, schema: rec.schema, display: displayName(rec), origin: rec.origin };
      const list = baseNames.get(rec.name);
      if (!list) baseNames.set(rec.name, [e]);
      else list.push(e);
    }
  }
  const out = new Map<string, NameEntry[]>();
  for (const [k, v] of baseNames) out.set(k, [...v]);
  return out;
}

/** Add the names a file's statements create (not triggers, policies, indexes: they are looked up by table). */
function addNames(out: Map<string, NameEntry[]>, facts: FileFacts): void {
  for (const st of facts.statements)
    for (const e of st.effects) {
      if (e.type !== 'create' || e.parentRef !== undefined) continue;
      const entry: NameEntry = { key: objectKey(e.ns, e.schema, e.name), ns: e.ns, schema: e.schema, display: displayName({ ns: e.ns, schema: e.schema, name: e.name }), origin: 'migration' };
      const list = out.get(e.name);
      if (!list) out.set(e.name, [entry]);
      else if (!list.some((x) => x.key === entry.key)) list.push(entry);
    }
}

function dedupe(list: string[]): string[] {
  return [...new Set(list)];
}
