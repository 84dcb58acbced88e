/**
 * Object histories: one per object a migration created (or altered, for a platform table), with its column
 * versions, column definitions and foreign keys. Most share empty values until their first change.
 */
import type { ObjectRecord } from '../objects';
import type { ColumnDef, ObjectHistory } from './types';

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

export function newHistory(record: ObjectRecord): ObjectHistory {
  return { record, versions: NO_VERSIONS, foreignKeys: NO_FOREIGN_KEYS, columnDefs: NO_COLUMN_DEFS };
}

export function columnDefsOf(h: ObjectHistory): Map<string, ColumnDef> {
  if (h.columnDefs === NO_COLUMN_DEFS) h.columnDefs = new Map();
  return h.columnDefs;
}

export function versionsOf(h: ObjectHistory): ObjectHistory['versions'] {
  if (h.versions === NO_VERSIONS) h.versions = [];
  return h.versions;
}

export function foreignKeysOf(h: ObjectHistory): ObjectHistory['foreignKeys'] {
  if (h.foreignKeys === NO_FOREIGN_KEYS) h.foreignKeys = [];
  return h.foreignKeys;
}

/** A copy of a (snapshot's) history for `record`, with lists of its own. */
export function copyHistory(h: ObjectHistory, record: ObjectRecord): ObjectHistory {
  const copy = newHistory(record);
  copy.gone = h.gone;
  if (h.versions.length) copy.versions = h.versions.slice();
  if (h.foreignKeys.length) copy.foreignKeys = h.foreignKeys.slice();
  if (h.columnDefs.size) for (const [k, d] of h.columnDefs) columnDefsOf(copy).set(k, { ...d });
  return copy;
}

export function isTable(r: ObjectRecord): boolean {
  return r.ns === 'relation' && (r.kind === 'table' || r.kind === 'partitioned table');
}
