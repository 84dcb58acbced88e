/**
 * What statements create without naming it, replayed: the indexes of PRIMARY KEY / UNIQUE / EXCLUDE
 * constraints (and of CREATE INDEX without a name), the sequences serial and identity columns own, and a
 * partitioned table's indexes made again on each partition. Each is named as Postgres names it
 * (`chooseRelationName`: generatedNames.ts, with 1, 2, … added to the label until the name is free), belongs
 * to its table (`parent`: it goes with it, and moves with it to another schema) and goes with what it
 * depends on: a dropped constraint, column or identity. Also OWNED BY and ATTACH / DETACH PARTITION.
 */
import type { IndexFact, SequenceFact, StatementFacts } from '../facts';
import { makeObjectName } from '../generatedNames';
import { displayName, ObjectRecord, objectKey, Point } from '../objects';
import type { SourceRange } from '../positions';
import { define, dropRecord } from './records';
import type { Replay } from './replay';
import { childrenOf, own } from './snapshots';
import type { Gone } from './types';

/** The statement that creates them. */
export interface Site {
  point: Point;
  file: string;
  st: StatementFacts;
}

type IndexShape = NonNullable<ObjectRecord['index']>;

/**
 * Postgres' ChooseRelationName: `makeObjectName(name1, name2, label)`, with 1, 2, … added to the label until
 * no relation of `schema` has the name (nor, for a constraint's index, one of `table`'s constraints).
 */
export function chooseRelationName(r: Replay, schema: string, name1: string, name2: string | undefined, label: string, table?: ObjectRecord): string {
  for (let pass = 0; ; pass++) {
    const name = makeObjectName(name1, name2, pass ? label + pass : label);
    if (!relationNamed(r, schema, name) && !table?.constraints?.includes(name)) return name;
  }
}

/** Whether a relation of `schema` has `name` (a composite type is one, too). */
function relationNamed(r: Replay, schema: string, name: string): boolean {
  // (the keys as objectKey spells them, not interned: most are looked up once, and not found)
  const suffix = `${schema}.${name}`;
  return r.get(`relation:${suffix}`) !== undefined || r.get(`type:${suffix}`)?.kind === 'composite type';
}

/** The name Postgres gives an index of `table` (ChooseIndexName): `_pkey`, `_<columns>_key`, `_excl`, `_idx`. */
function indexName(r: Replay, table: ObjectRecord, shape: IndexShape): string {
  const columns = shape.label === 'pkey' ? undefined : shape.columns.join('_');
  return chooseRelationName(r, table.schema, table.name, columns, shape.label, shape.label === 'idx' ? undefined : table);
}

/** A relation `table` has that the statement makes without a CREATE of its own; none when the name is taken. */
function addImplicit(r: Replay, kind: 'index' | 'sequence', schema: string, name: string, table: ObjectRecord, at: Site, range: SourceRange): ObjectRecord | undefined {
  const key = objectKey('relation', schema, name);
  // a written name that exists: Postgres fails
  if (r.get(key)) return undefined;
  r.defs[at.point.file].push({ key, point: at.point, range, signature: undefined });
  const rec: ObjectRecord = { key, ns: 'relation', kind, schema, name, parent: table.key, origin: 'migration' };
  r.setLive(key, rec);
  r.setGone(key, undefined);
  define(r, rec, at.point, at.file, range, at.st);
  return rec;
}

/** The sequences `table`'s serial and identity columns own: all named first (Postgres names them as it reads the statement). */
export function createSequences(r: Replay, table: ObjectRecord, sequences: SequenceFact[], at: Site): void {
  const names = sequences.map((s) => s.name ?? chooseRelationName(r, table.schema, table.name, s.column, 'seq'));
  sequences.forEach((s, i) => {
    const rec = addImplicit(r, 'sequence', s.name !== undefined ? (s.schema ?? table.schema) : table.schema, names[i], table, at, s.range);
    if (rec) rec.ownedBy = s.column;
  });
}

/** The indexes a statement's constraints create on `table`, in order, and (unless ONLY) on its partitions. */
export function createIndexes(r: Replay, table: ObjectRecord, indexes: IndexFact[], at: Site): void {
  for (const f of indexes) {
    const rec = addImplicit(r, 'index', table.schema, f.name ?? indexName(r, table, f), table, at, f.range);
    if (rec) indexCreated(r, rec, table, f, at, f.range);
  }
}

/** Index `rec` made on `table` from `f`: remembered, and made on the partitions too unless ONLY. */
export function indexCreated(r: Replay, rec: ObjectRecord, table: ObjectRecord | undefined, f: IndexFact, at: Site, range: SourceRange): void {
  rec.index = f;
  if (table && !f.only) onPartitions(r, table, f, at, range);
}

/** `table`'s partitions (its children that are tables). */
function partitionsOf(r: Replay, table: ObjectRecord): ObjectRecord[] {
  if (table.kind !== 'partitioned table') return [];
  return childrenOf(r, table.key)
    .map(([, c]) => c)
    .filter((c) => c.ns === 'relation' && c.kind !== 'index' && c.kind !== 'sequence');
}

function onPartitions(r: Replay, table: ObjectRecord, shape: IndexShape, at: Site, range: SourceRange): void {
  for (const part of partitionsOf(r, table)) indexOnPartition(r, shape, part, at, range);
}

/**
 * A partitioned table's index, on partition `part`: an equal index it has is attached instead (the same
 * columns, as unique, and a constraint's for a constraint's); else a new one, named for the partition.
 */
function indexOnPartition(r: Replay, shape: IndexShape, part: ObjectRecord, at: Site, range: SourceRange): void {
  for (const [, c] of childrenOf(r, part.key)) {
    const s = c.index;
    if (s && s.unique === shape.unique && (shape.label === 'idx' || s.label !== 'idx') && s.columns.length === shape.columns.length && s.columns.every((x, i) => x === shape.columns[i])) return;
  }
  const rec = addImplicit(r, 'index', part.schema, indexName(r, part, shape), part, at, range);
  if (rec) {
    rec.index = shape;
    onPartitions(r, part, shape, at, range);
  }
}

/** A new partition `part` of `table` (PARTITION OF, ATTACH PARTITION): it belongs to it, and gets its indexes. */
export function addPartition(r: Replay, table: ObjectRecord, part: ObjectRecord, at: Site, range: SourceRange): void {
  // Postgres fails: a table that is not partitioned, a partition already, or one of `table`'s ancestors
  if (table.kind !== 'partitioned table' || part.parent) return;
  for (let t: ObjectRecord | undefined = table; t; t = t.parent ? r.get(t.parent) : undefined) if (t.key === part.key) return;
  own(r, part).parent = table.key;
  for (const [, c] of childrenOf(r, table.key)) if (c.kind === 'index' && c.index) indexOnPartition(r, c.index, r.get(part.key) ?? part, at, range);
}

/** DETACH PARTITION: `part` is a table of its own (keeping its indexes). */
export function detachPartition(r: Replay, part: ObjectRecord): void {
  if (part.parent) own(r, part).parent = undefined;
}

/** DROP CONSTRAINT `name` of `table`: its index, or its name. */
export function dropConstraint(r: Replay, table: ObjectRecord, name: string, gone: Gone): void {
  const idx = constraintIndex(r, table, name);
  if (idx) dropRecord(r, idx, gone);
  else if (table.constraints?.includes(name)) own(r, table).constraints = table.constraints.filter((c) => c !== name);
}

/** RENAME CONSTRAINT: its index is renamed with it. */
export function renameConstraint(r: Replay, table: ObjectRecord, from: string, to: string, at: Site, range: SourceRange): void {
  const idx = constraintIndex(r, table, from);
  if (idx) renameIndex(r, idx, to, at.point, range);
  else if (table.constraints?.includes(from)) own(r, table).constraints = table.constraints.map((c) => (c === from ? to : c));
}

/** The index of `table`'s constraint `name`, if it has one. */
function constraintIndex(r: Replay, table: ObjectRecord, name: string): ObjectRecord | undefined {
  const idx = r.get(objectKey('relation', table.schema, name));
  return idx && idx.parent === table.key && idx.index && idx.index.label !== 'idx' ? idx : undefined;
}

function renameIndex(r: Replay, idx: ObjectRecord, name: string, point: Point, range: SourceRange): void {
  const key = objectKey('relation', idx.schema, name);
  if (key === idx.key || r.get(key)) return;
  const rec = own(r, idx);
  const old = rec.key;
  r.remove(old);
  rec.key = key;
  rec.name = name;
  r.setLive(key, rec);
  r.setGone(key, undefined);
  r.setGone(old, { point, how: 'renamed', to: displayName(rec), range });
}

/** ADD CONSTRAINT … USING INDEX: the index becomes the constraint's (renamed to its name, if written). */
export function useIndex(r: Replay, table: ObjectRecord, index: string, constraint: string | undefined, label: IndexShape['label'], at: Site, range: SourceRange): void {
  const idx = r.get(objectKey('relation', table.schema, index));
  if (!idx || idx.parent !== table.key || !idx.index) return;
  own(r, idx).index = { ...idx.index, label };
  if (constraint !== undefined) renameIndex(r, r.get(idx.key) ?? idx, constraint, at.point, range);
}

/** What goes with dropped column `column` of `table`: the indexes that use it, the sequence it owns. */
export function dropColumnDependents(r: Replay, table: ObjectRecord, column: string, gone: Gone, sequencesOnly: boolean): void {
  for (const [, c] of childrenOf(r, table.key)) {
    if (c.kind === 'sequence' ? c.ownedBy === column : !sequencesOnly && c.kind === 'index' && c.index?.uses.includes(column)) dropRecord(r, c, gone);
  }
}

/** A renamed column of `table`: what uses it, or is owned by it, follows. */
export function renameColumnDependents(r: Replay, table: ObjectRecord, from: string, to: string): void {
  for (const [, c] of childrenOf(r, table.key)) {
    if (c.kind === 'sequence' && c.ownedBy === from) own(r, c).ownedBy = to;
    else if (c.kind === 'index' && c.index?.uses.includes(from)) {
      const s = c.index;
      const index = { ...s, uses: s.uses.map((u) => (u === from ? to : u)) };
      if (s.keys) index.keys = s.keys.map((u) => (u === from ? to : u));
      own(r, c).index = index;
    }
  }
}

/** OWNED BY: sequence `seq` belongs to `table`'s column (goes with it, moves with it), or to nothing. */
export function setOwner(r: Replay, seq: ObjectRecord, table: ObjectRecord | undefined, column: string | undefined): void {
  if (seq.kind !== 'sequence') return;
  const rec = own(r, seq);
  rec.parent = table?.key;
  rec.ownedBy = table ? column : undefined;
}
