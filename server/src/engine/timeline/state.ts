/**
 * What a replay mutates (`ReplayState`: live records, histories, conflicts, "gone" markers, opaque schemas)
 * and its event logs: positions in the replay (`orderOf`) and, per key, what it named after each change, so
 * that a reference can be answered again later as of its statement (see reresolve.ts).
 */
import type { ObjectRecord, Point } from '../objects';
import type { Conflict, Gone, ObjectHistory, Timeline } from './types';

/** What a key named after a change, and who had created it then (a record's `def` can change later). */
export interface KeyEvent {
  at: number;
  rec: ObjectRecord | undefined;
  creator: Point | undefined;
}

export interface GoneEvent {
  at: number;
  gone: Gone | undefined;
}

/** Everything the replay mutates. */
export interface ReplayState {
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
  columnMisses: Timeline['columnMisses'];
  enumLabelMisses: Timeline['enumLabelMisses'];
  keyMisses: Timeline['keyMisses'];
  publicationMisses: Timeline['publicationMisses'];
  enumConversions: Timeline['enumConversions'];
  absentTargets: Timeline['absentTargets'];
  /** What a key named after each change (kept by a replay with history only). */
  keyLog?: Map<string, KeyEvent[]>;
  goneLog?: Map<string, GoneEvent[]>;
  /** Records (and their histories) owned by a snapshot: copied before the replay changes them. */
  frozen?: WeakSet<ObjectRecord>;
  /** A snapshot's state: the keys whose (shared) event logs replays resumed from it added to. */
  appended?: Set<string>;
  /** A snapshot's state: where each of its histories is in its list (see `snapshotHistoryIndex`). */
  historyIndex?: Map<ObjectHistory, number>;
}

export function freshState(keepHistory: boolean): ReplayState {
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
    columnMisses: [],
    enumLabelMisses: [],
    keyMisses: [],
    publicationMisses: [],
    enumConversions: [],
    absentTargets: [],
    keyLog: keepHistory ? new Map() : undefined,
    goneLog: keepHistory ? new Map() : undefined,
    // (set when the state becomes a snapshot; here so that every state has the shape of a resumed one)
    frozen: undefined,
  };
}

/**
 * Position of a replay step: statements per file < 2^24, three phases per statement (0 creations,
 * 1 references, 2 changes); never below 4, so that "just before the first statement" (orderOf(0, 0, 0) - 1)
 * is a position too.
 */
const STATEMENTS_PER_FILE = 1 << 24;
export function orderOf(file: number, stmt: number, phase: 0 | 1 | 2): number {
  return (file * STATEMENTS_PER_FILE + stmt + 1) * 4 + phase;
}

/** The last event of a key's log at or before `at` (what the key meant then), if any. */
export function eventAt<T extends { at: number }>(log: T[] | undefined, at: number): T | undefined {
  if (log) for (let i = log.length - 1; i >= 0; i--) if (log[i].at <= at) return log[i];
  return undefined;
}

/** Log an event for `key` (the last one at one position wins). */
export function pushEvent<T extends { at: number }>(map: Map<string, T[]>, key: string, ev: T): void {
  const list = map.get(key);
  if (!list) map.set(key, [ev]);
  else if (list[list.length - 1].at === ev.at) list[list.length - 1] = ev;
  else list.push(ev);
}
