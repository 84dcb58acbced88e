/**
 * Snapshots and resumed replays: a replay's state kept as it is before one migration (its live records
 * frozen), the state a later replay resumes from it (overlays of its maps, logs cut back to it), copying a
 * shared record and its history on first change (`own`), and what rules read of a snapshot (its tables,
 * lookups, a table's children).
 */
import { baseObjects } from '../catalog';
import type { ObjectRecord } from '../objects';
import { OverlayMap } from '../incremental/overlayMap';
import { copyHistory } from './histories';
import type { Replay } from './replay';
import { orderOf, ReplayState } from './state';
import type { ObjectHistory, TimelineSnapshot } from './types';

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
export function resumeState(s: ReplayState, cutoff: number): ReplayState {
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
    columnMisses: s.columnMisses.slice(),
    enumLabelMisses: s.enumLabelMisses.slice(),
    keyMisses: s.keyMisses.slice(),
    publicationMisses: s.publicationMisses.slice(),
    enumConversions: s.enumConversions.slice(),
    absentTargets: s.absentTargets.slice(),
    keyLog: s.keyLog,
    goneLog: s.goneLog,
    frozen: s.frozen,
  };
}

/**
 * Before migration `fi`: the state so far becomes the snapshot as it is (its live records frozen), and the
 * replay goes on like one resumed from it: over overlays of its maps, copying a record (and its history)
 * before changing it. Nothing is copied up front (a 5,000-file folder has ~100,000 live records).
 */
export function takeSnapshot(r: Replay, fi: number): void {
  const state = freezeState(r.state);
  r.snapshot = { file: fi, state, refs: r.refs.slice(0, fi), defs: r.defs.slice(0, fi), columnSites: r.columnSites.slice(0, fi), createdBefore: r.creations.before };
  r.state = resumeState(state, orderOf(fi, 0, 0));
  r.appended = state.appended;
  r.changedKeys = new Set();
}

/**
 * A record the replay may mutate: base records, and records a resumed replay shares with its snapshot, are
 * copied into the live map first (a shared record's history is copied with it, in its place).
 */
export function own(r: Replay, rec: ObjectRecord): ObjectRecord {
  // (a record a replay that is not resumed changes in place is not logged: it counts as changed here)
  r.changedKeys?.add(rec.key);
  const { live, frozen, conflicts } = r.state;
  const isFrozen = frozen?.has(rec) ?? false;
  if (!isFrozen && live.get(rec.key) === rec) return rec;
  // (never share a mutable list with the original: base records are shared by every analysis)
  const copy: ObjectRecord = { ...rec, columns: rec.columns?.map((x) => ({ ...x })), signatures: rec.signatures?.slice() };
  if (isFrozen) {
    ownHistory(r, rec, copy);
    for (let i = 0; i < conflicts.length; i++) if (conflicts[i].existing === rec) conflicts[i] = { ...conflicts[i], existing: copy };
  }
  r.setLive(rec.key, copy);
  return copy;
}

/**
 * A shared (snapshot) record's history, copied in its place for `record` (its copy, or itself once gone).
 * Only frozen records have shared histories, and those are the snapshot's: their positions are indexed
 * once per snapshot (every resumed replay's history list starts with the snapshot's).
 */
export function ownHistory(r: Replay, rec: ObjectRecord, record: ObjectRecord): ObjectHistory | undefined {
  const { historyOf, histories } = r.state;
  const h = historyOf.get(rec);
  if (!h) return undefined;
  const hc = copyHistory(h, record);
  historyOf.set(record, hc);
  const i = r.snapshot ? snapshotHistoryIndex(r.snapshot.state).get(h) : undefined;
  if (i !== undefined && histories[i] === h) histories[i] = hc;
  return hc;
}

/**
 * The live objects whose parent is `parentKey` (a table's policies, triggers, indexes). Over a snapshot
 * (a resumed replay, or the one that took it, from its file on) they are the snapshot's children of that
 * table, as they are now, and the ones this replay set: not every live object of the folder.
 */
export function childrenOf(r: Replay, parentKey: string): [string, ObjectRecord][] {
  const live = r.state.live;
  if (!r.snapshot || !(live instanceof OverlayMap)) {
    // (one pass, no list of every entry: a DROP / RENAME of a table or of a column scans the live objects)
    const found: [string, ObjectRecord][] = [];
    live.forEach((c, k) => {
      if (c.parent === parentKey) found.push([k, c]);
    });
    return found;
  }
  const out: [string, ObjectRecord][] = [];
  const seen = new Set<string>();
  for (const k of snapshotChildren(r.snapshot).get(parentKey) ?? []) {
    const c = live.get(k);
    if (c && c.parent === parentKey) {
      out.push([k, c]);
      seen.add(k);
    }
  }
  for (const [k, c] of live.ownEntries()) if (c.parent === parentKey && !seen.has(k)) out.push([k, c]);
  return out;
}

/** The histories of the tables in a snapshot's state (as they are before its file; no replay changes them). */
export function snapshotTables(s: TimelineSnapshot): ObjectHistory[] {
  return s.state.tableSlots.map((i) => s.state.histories[i]);
}

/** What a key names in a snapshot's state (as `Timeline.lookup` does at the end of a timeline). */
export function snapshotLookup(s: TimelineSnapshot, key: string): ObjectRecord | undefined {
  return s.state.live.get(key) ?? baseObjects().get(key);
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

/** Position of each of a snapshot's histories in its list (built on first use, kept with the snapshot). */
function snapshotHistoryIndex(s: ReplayState): Map<ObjectHistory, number> {
  if (!s.historyIndex) {
    const index = new Map<ObjectHistory, number>();
    s.histories.forEach((h, i) => index.set(h, i));
    s.historyIndex = index;
  }
  return s.historyIndex;
}
