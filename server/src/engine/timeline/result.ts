/**
 * The `Timeline` a finished replay answers with: its outputs and final state as they are, the views only
 * some callers read (tables, objects at the end, histories by key) built on first use, and `reresolve`.
 */
import { before, ColumnState, ObjectRecord, Point } from '../objects';
import type { ColumnSite } from './columnSites';
import type { Replay } from './replay';
import { reresolve } from './reresolve';
import type { Conflict, DefinitionSite, ObjectHistory, ResolvedRef, Timeline, TimelineFile, TimelineSnapshot } from './types';

export class ReplayedTimeline implements Timeline {
  readonly files: TimelineFile[];
  readonly refs: ResolvedRef[][];
  readonly defs: DefinitionSite[][];
  readonly columnSites: ColumnSite[][];
  readonly conflicts: Conflict[];
  readonly histories: ObjectHistory[];
  readonly opaqueSchemas: Set<string>;
  readonly unknownExtensions: Timeline['unknownExtensions'];
  readonly columnMisses: Timeline['columnMisses'];
  readonly enumLabelMisses: Timeline['enumLabelMisses'];
  readonly keyMisses: Timeline['keyMisses'];
  readonly publicationMisses: Timeline['publicationMisses'];
  readonly enumConversions: Timeline['enumConversions'];
  readonly absentTargets: Timeline['absentTargets'];
  readonly snapshot: TimelineSnapshot | undefined;
  readonly changedKeys: ReadonlySet<string> | undefined;
  private readonly replay: Replay;
  private tables: ObjectHistory[] | undefined = undefined;
  /** The objects that exist at the end: built on first use (a map of every object in a large folder). */
  private finalObjects: Map<string, ObjectRecord> | undefined = undefined;
  /** By key: only editor requests ask, so it is built on first use. */
  private historiesByKey: Map<string, ObjectHistory> | undefined = undefined;

  constructor(r: Replay) {
    const s = r.state;
    this.replay = r;
    this.files = r.files;
    this.refs = r.refs;
    this.defs = r.defs;
    this.columnSites = r.columnSites;
    this.conflicts = s.conflicts;
    this.histories = s.histories;
    this.opaqueSchemas = s.opaqueSchemas;
    this.unknownExtensions = s.unknownExtensions;
    this.columnMisses = s.columnMisses;
    this.enumLabelMisses = s.enumLabelMisses;
    this.keyMisses = s.keyMisses;
    this.publicationMisses = s.publicationMisses;
    this.enumConversions = s.enumConversions;
    this.absentTargets = s.absentTargets;
    this.snapshot = r.snapshot;
    this.changedKeys = r.changedKeys;
  }

  get tableHistories(): ObjectHistory[] {
    return (this.tables ??= this.replay.state.tableSlots.map((i) => this.histories[i]));
  }

  get byKey(): Map<string, ObjectHistory> {
    if (!this.historiesByKey) {
      this.historiesByKey = new Map();
      for (const h of this.histories) this.historiesByKey.set(h.record.key, h);
    }
    return this.historiesByKey;
  }

  get final(): Map<string, ObjectRecord> {
    if (!this.finalObjects) {
      const live = this.replay.state.live;
      this.finalObjects = new Map();
      for (const h of this.histories) if (!h.gone && live.get(h.record.key) === h.record) this.finalObjects.set(h.record.key, h.record);
    }
    return this.finalObjects;
  }

  lookup(key: string): ObjectRecord | undefined {
    return this.replay.state.live.get(key) ?? this.replay.base.get(key);
  }

  columnsAt(key: string, point: Point): ColumnState[] | undefined {
    const h = this.byKey.get(key);
    if (!h) return this.replay.base.get(key)?.columns;
    let cols: ColumnState[] | undefined;
    for (const v of h.versions) {
      if (before(v.point, point)) cols = v.columns;
      else break;
    }
    return cols ?? h.versions[0]?.columns;
  }

  reresolve(fi: number): void {
    reresolve(this.replay, fi);
  }
}
