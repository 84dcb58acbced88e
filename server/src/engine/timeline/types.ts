/**
 * The timeline's public types: what a replay of every migration's facts answers (resolved references,
 * definitions, conflicts, object histories), the snapshot a later replay can resume from, and how a replay
 * starts or streams its files.
 */
import type { ColumnFact, CreateEffect, FileFacts, RefFact } from '../facts';
import type { ColumnState, ObjectRecord, Point } from '../objects';
import type { SourceRange } from '../positions';
import type { ColumnSite } from './columnSites';
import type { ReplayState } from './state';

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
  /** A CREATE OR REPLACE that Postgres refuses (it changes what may not change): why. Absent: creating what exists. */
  refused?: Refusal;
}

/** Why Postgres refuses a CREATE OR REPLACE (./replacements.ts). */
export interface Refusal {
  sqlstate: string;
  /** Postgres' message. */
  message: string;
  /** What changed, in words. */
  detail: string;
}

/** A column a statement names that its table does not have at that point. */
export interface ColumnMiss {
  point: Point;
  column: string;
  range: SourceRange;
  /** The table as it is named at that point, e.g. `public.profiles`. */
  table: string;
  key: string;
  /** The table's columns then, closest to the name first (for "did you mean"). */
  suggestions: string[];
  /** The migration that created the table (if it fails and rolls back, this finding is its consequence). */
  createdIn?: number;
}

/**
 * A foreign key whose referenced columns are not the key of a primary key, a unique constraint or a plain
 * unique index of the referenced table at that point (42830), or that names no columns of a table without a
 * primary key (42704).
 */
export interface KeyMiss {
  point: Point;
  /** The referenced table's name in the constraint. */
  range: SourceRange;
  /** The referenced table as named then. */
  table: string;
  key: string;
  /** The referenced columns (none: the primary key). */
  columns: string[];
  /** The keys the table has then (primary key first), for the message. */
  keys: string[][];
  createdIn?: number;
}

/** `'x'::t` where enum t has no label 'x' at that point. */
export interface EnumLabelMiss {
  point: Point;
  label: string;
  range: SourceRange;
  /** The enum as named then, e.g. `public.status`. */
  type: string;
  key: string;
  labels: readonly string[];
  /** The migration that created the enum (if it fails and rolls back, this finding is its consequence). */
  createdIn?: number;
}

/** A change of a publication's tables that Postgres refuses (./publications.ts). */
export interface PublicationMiss {
  point: Point;
  range: SourceRange;
  publication: string;
  /** The table as named then (empty for a FOR ALL TABLES publication changed without a table). */
  table: string;
  /** `member`: ADD of a member (42710); `not-member`: DROP of a table that is not one (42704); `all-tables`: a FOR ALL TABLES publication (55000). */
  why: 'member' | 'not-member' | 'all-tables';
}

/**
 * `DROP … IF EXISTS x` / `ALTER … IF EXISTS x` of an object that does not exist at that point and never
 * existed before it (./absentTargets.ts): the keys its name could mean then.
 */
export interface AbsentTarget {
  point: Point;
  ref: RefFact;
  keys: string[];
}

/** A string converted to a column's enum (facts `columnLiterals`), for unsafe-enum-value. */
export interface EnumConversion {
  point: Point;
  key: string;
  label: string;
  range: SourceRange;
  /** The enum as named then. */
  type: string;
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
  /** Functions: the input signature created (canonical argument types). */
  signature: string | undefined;
}

export interface Timeline {
  files: TimelineFile[];
  refs: ResolvedRef[][];
  /** Per migration: every name a statement creates (or re-creates), with the object's key. */
  defs: DefinitionSite[][];
  /** Per migration: where its statements write columns, with each column's identity and state (./columnSites.ts). Empty when streamed. */
  columnSites: ColumnSite[][];
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
  /**
   * Where extensions made what the catalog does not list (an extension we have no catalog for: its schema;
   * else the catalog's `opaque` members: `ns:schema.` or a key): unknown names there are not reported.
   */
  opaqueSchemas: Set<string>;
  /** Extension names created in migrations that we know nothing about. */
  unknownExtensions: { point: Point; name: string; range: SourceRange }[];
  /** Columns named where they do not exist (./columns.ts): on tables whose columns the replay knows for certain. */
  columnMisses: ColumnMiss[];
  /** String literals cast to an enum without that label at that point (./enumLabels.ts). */
  enumLabelMisses: EnumLabelMiss[];
  /** Foreign keys whose referenced columns are no key of their table (./foreignKeyTargets.ts). */
  keyMisses: KeyMiss[];
  /** Publication table changes Postgres refuses (./publications.ts). */
  publicationMisses: PublicationMiss[];
  /** Strings converted to the enum of a column (facts `columnLiterals`; ./enumLabels.ts). */
  enumConversions: EnumConversion[];
  /** IF EXISTS statements on objects that do not exist there and never did before (./absentTargets.ts). */
  absentTargets: AbsentTarget[];
  /**
   * Resolve migration `fi`'s references again against the state the replay recorded at each of its
   * statements, and replace `refs[fi]`. Only valid when the file's effects are unchanged since the replay
   * (incremental/rebase.ts `effectSignature`): the edit can only have changed what the file uses, not what
   * it does. Costs the file's references, not the folder's.
   */
  reresolve(fi: number): void;
  /** The replay state just before one migration, when asked for (`ReplayStart.snapshotAt`). */
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
  columnSites: ColumnSite[][];
  /** What the migrations before `file` create, by key (they are the same files whenever it is resumed). */
  createdBefore: Map<string, Point[]>;
}

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
 * A one-off replay that reads each file's facts when it gets to it and keeps, once a file is replayed, only
 * what the rules and the dependency graph read (see stream.ts): a command-line check of a large folder
 * then holds the objects the migrations create, not every file's references and effects. Such a timeline
 * answers the rules and the graph exactly as a full one does; it is not for editor features.
 */
export interface TimelineStream {
  /** Migration `fi`'s facts (called once per file, in order). */
  load(fi: number): FileFacts;
}
