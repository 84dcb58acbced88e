/**
 * Columns a statement names (facts `columnUses`: ALTER / DROP / RENAME COLUMN, a policy's expression, an
 * index's columns, constraints, foreign keys' referenced columns, COMMENT ON COLUMN, column privileges, a
 * trigger's UPDATE OF, the columns INSERT and UPDATE assign, a view's query over one table; and a CREATE TABLE's constraints
 * on its own columns, `ownColumnUses`) checked against the table as the replay has it at that statement.
 * Only where the replay knows every column for certain: a table a migration created with its columns
 * written out (no LIKE, INHERITS, PARTITION OF or OF type), never changed by a DO block, in a schema where
 * nothing opaque (dynamic SQL, an extension without a catalog) may have made relations. Anything else: not
 * checked.
 */
import type { CreateEffect, StatementFacts } from '../facts';
import { displayName, type ColumnState, type ObjectRecord, objectKey, type Point } from '../objects';
import type { SourceRange } from '../positions';
import { editDistance } from '../names';
import type { Replay } from './replay';
import { isOpaqueKey, searchSchemas } from './resolution';

const TABLE_KINDS = new Set(['table', 'partitioned table', 'foreign table']);

export function checkColumns(r: Replay, st: StatementFacts, point: Point): void {
  for (const use of st.columnUses ?? []) {
    const key = r.keyOf(use.ref);
    const rec = key ? r.get(key) : undefined;
    if (!key || !rec || !columnsCertain(r, key, rec) || hasColumn(rec, use.name)) continue;
    // `t.col` that is no column may be `col(t)`: a miss only when no function of that name may exist
    if (use.functional && mayBeFunction(r, st.refs[use.ref].path, use.name)) continue;
    miss(r, key, rec, use.name, use.range, point);
  }
}

/** A CREATE TABLE's constraints and generated columns: the table it has just made must have the columns they name. */
export function checkOwnColumns(r: Replay, e: CreateEffect, rec: ObjectRecord, point: Point): void {
  if (!columnsCertain(r, rec.key, rec)) return;
  for (const use of e.ownColumnUses ?? []) {
    // (a CREATE TABLE's search path is not kept: a qualified name that may be a function is not judged)
    if (!use.functional && !hasColumn(rec, use.name)) miss(r, rec.key, rec, use.name, use.range, point);
  }
}

/** Whether the replay knows every column of table `rec` (named `key`) for certain at this point. */
export function columnsCertain(r: Replay, key: string, rec: ObjectRecord): rec is ObjectRecord & { columns: ColumnState[] } {
  return rec.origin === 'migration' && !rec.columnsUncertain && !!rec.columns && TABLE_KINDS.has(rec.kind) && !isOpaqueKey(r, key);
}

// system columns exist on every table
function hasColumn(rec: ObjectRecord, name: string): boolean {
  return SYSTEM_COLUMNS.has(name) || rec.columns!.some((c) => c.name === name);
}

function mayBeFunction(r: Replay, path: string[], name: string): boolean {
  return searchSchemas(path, 'function').some((s) => {
    const key = objectKey('function', s, name);
    return r.get(key) !== undefined || isOpaqueKey(r, key);
  });
}

function miss(r: Replay, key: string, rec: ObjectRecord, column: string, range: SourceRange, point: Point): void {
  const max = Math.max(1, Math.floor(column.length / 3));
  const suggestions = rec
    .columns!.map((c) => ({ name: c.name, d: editDistance(c.name, column, max) }))
    .filter((c) => c.d <= max)
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map((c) => c.name);
  r.state.columnMisses.push({ point, column, range, table: displayName(rec), key, suggestions, createdIn: rec.def?.point.file });
}

const SYSTEM_COLUMNS = new Set(['ctid', 'xmin', 'xmax', 'cmin', 'cmax', 'tableoid']);
