/** Object records: what the timeline knows about each database object, and how they are keyed. */
import type { IndexFact, RoutineShape } from './facts/model';
import type { SourceRange } from './positions';
import type { Namespace, ObjectKind } from './types';

/** A point in apply order: migration index, statement index within it. */
export interface Point {
  file: number;
  stmt: number;
}

/** The same statement (points are compared by value: a replay may make new point objects for it). */
export function samePoint(p: Point | undefined, q: Point | undefined): boolean {
  return p === q || (p !== undefined && q !== undefined && p.file === q.file && p.stmt === q.stmt);
}

export function before(a: Point, b: Point): boolean {
  return a.file < b.file || (a.file === b.file && a.stmt < b.stmt);
}

export interface ColumnState {
  name: string;
  type: string;
  display: string;
  notNull: boolean;
  primaryKey: boolean;
  /** `schema.table(column)` of a foreign key on this column, when there is one. */
  references?: string;
  /**
   * Of an enum a migration made: its key and creator when the column got the type (a later enum of the same
   * name is another type; the key names this one while its creator is the same).
   */
  enumType?: { key: string; creator: Point };
  /** DEFAULT's expression as written (cut), when it has one the replay knows of. */
  default?: string;
}

export interface Definition {
  point: Point;
  file: string;
  /** The object's name where it is created. */
  range: SourceRange;
  /** The whole creating statement. */
  statement: SourceRange;
}

export interface ObjectRecord {
  key: string;
  ns: Namespace;
  kind: ObjectKind | 'type' | 'base type';
  schema: string;
  name: string;
  /**
   * Key of the table a trigger, policy, index or owned sequence belongs to, or a partition is a partition of
   * (they go with it; the indexes and sequences move with it to another schema).
   */
  parent?: string;
  origin: 'builtin' | 'platform' | 'extension' | 'migration';
  extension?: string;
  def?: Definition;
  columns?: ColumnState[];
  primaryKey?: string[];
  /** Functions: canonical input signatures of every overload. */
  signatures?: string[];
  returns?: string;
  /** Functions made by a migration: each overload's shape, by input signature (what CREATE OR REPLACE may not change). */
  routines?: Readonly<Record<string, RoutineShape | undefined>>;
  /** Enums a migration created: their labels, while known for certain (undefined after a change in a DO block). */
  enumLabels?: readonly string[];
  /** Tables: their columns are not known for certain (LIKE, INHERITS, a partition, changed by a DO block, ...). */
  columnsUncertain?: boolean;
  /**
   * Tables: their primary key and unique indexes are not known for certain (LIKE, a partition, changed by a DO
   * block, an index of theirs dropped by one): what a foreign key may reference is then not checked.
   */
  keysUncertain?: boolean;
  /**
   * Publications: their tables (each table's identity, see timeline/publications.ts), while known for certain;
   * `allTables`: FOR ALL TABLES (no table can be added or dropped).
   */
  members?: readonly string[];
  /** Publications: tables that may or may not be members (added or dropped by a change that may not have run). */
  maybeMembers?: readonly string[];
  allTables?: boolean;
  /** Views made by a migration: their columns' names, when known (what CREATE OR REPLACE VIEW may not change). */
  viewColumns?: readonly string[];
  language?: string;
  securityDefiner?: boolean;
  rowLevelSecurity?: boolean;
  /**
   * Indexes: what names a copy of it on a partition (its columns' names, label), the columns it uses, and
   * the key a foreign key can reference (`keys`).
   */
  index?: Pick<IndexFact, 'columns' | 'uses' | 'label' | 'unique' | 'keys'>;
  /** Sequences owned by a column: the column of `parent`. */
  ownedBy?: string;
  /** Tables: the names written for their CHECK / FOREIGN KEY constraints. */
  constraints?: string[];
  /**
   * Views and functions a DROP … CASCADE may have dropped (whether they depend on what it dropped is not
   * known): references to them are not errors, and a CREATE of the name makes it anew (no duplicate, nothing
   * to compare).
   */
  mayBeDropped?: boolean;
  /** Views and functions made by a migration: the keys their CREATE's references resolved to (what a DROP … CASCADE of one may take them with). */
  uses?: readonly string[];
}

export function objectKey(ns: Namespace, schema: string, name: string, parentName?: string): string {
  switch (ns) {
    case 'schema':
    case 'extension':
    case 'role':
    case 'publication':
      return intern(`${ns}:${name}`);
    case 'trigger':
    case 'policy':
      return intern(`${ns}:${schema}.${parentName}.${name}`);
    default:
      return intern(`${ns}:${schema}.${name}`);
  }
}

/**
 * One string per distinct key. Keys are built by concatenation (a chain of V8 cons strings, ~100 bytes
 * each) in many places: the replay, the rules' indexes, the candidate caches. Sharing one flat copy keeps
 * tens of thousands of duplicates out of the heap of a large folder. Bounded: past the limit it starts over
 * (sharing is an optimisation only; equal strings compare equal either way).
 */
const interned = new Map<string, string>();

export function intern(s: string): string {
  const hit = interned.get(s); // hashing flattens `s`
  if (hit !== undefined) return hit;
  if (interned.size >= 1_000_000) interned.clear();
  interned.set(s, s);
  return s;
}

/** Human name of an object: `public.tenants`, `policy "x" on public.t`, `auth.uid()`. */
export function displayName(rec: Pick<ObjectRecord, 'ns' | 'schema' | 'name' | 'parent'>): string {
  const q = (s: string) => (/^[a-z_][a-z0-9_$]*$/.test(s) ? s : `"${s.replace(/"/g, '""')}"`);
  switch (rec.ns) {
    case 'schema':
    case 'extension':
    case 'role':
    case 'publication':
      return q(rec.name);
    case 'trigger':
    case 'policy': {
      const parent = rec.parent ? rec.parent.replace(/^relation:/, '') : rec.schema;
      return `${rec.ns} "${rec.name}" on ${parent}`;
    }
    case 'function':
      return `${q(rec.schema)}.${q(rec.name)}()`;
    default:
      return `${q(rec.schema)}.${q(rec.name)}`;
  }
}
