/**
 * Columns a statement names (facts `columnUses`: ALTER / DROP / RENAME COLUMN, a policy's expression, an
 * index's columns) checked against the table as the replay has it at that statement. Only where the replay
 * knows every column for certain: a table a migration created with its columns written out (no LIKE,
 * INHERITS, PARTITION OF or OF type), never changed by a DO block, in a schema where nothing opaque (dynamic
 * SQL, an extension without a catalog) may have made relations. Anything else: not checked.
 */
import type { StatementFacts } from '../facts';
import { displayName, type ColumnState, type ObjectRecord, type Point } from '../objects';
import { editDistance } from '../names';
import type { Replay } from './replay';
import { isOpaqueKey } from './resolution';

const TABLE_KINDS = new Set(['table', 'partitioned table', 'foreign table']);

export function checkColumns(r: Replay, st: StatementFacts, point: Point): void {
  for (const use of st.columnUses ?? []) {
    const key = r.keyOf(use.ref);
    const rec = key ? r.get(key) : undefined;
    if (!key || !rec || !certainColumns(r, key, rec)) continue;
    // system columns exist on every table
    if (SYSTEM_COLUMNS.has(use.name) || rec.columns.some((c) => c.name === use.name)) continue;
    const max = Math.max(1, Math.floor(use.name.length / 3));
    const suggestions = rec.columns
      .map((c) => ({ name: c.name, d: editDistance(c.name, use.name, max) }))
      .filter((c) => c.d <= max)
      .sort((a, b) => a.d - b.d)
      .slice(0, 3)
      .map((c) => c.name);
    r.state.columnMisses.push({ point, column: use.name, range: use.range, table: displayName(rec), key, suggestions, createdIn: rec.def?.point.file });
  }
}

/** Whether the replay knows every column of table `rec` (named `key`) for certain at this point. */
export function certainColumns(r: Replay, key: string, rec: ObjectRecord): rec is ObjectRecord & { columns: ColumnState[] } {
  return rec.origin === 'migration' && !rec.columnsUncertain && !!rec.columns && TABLE_KINDS.has(rec.kind) && !isOpaqueKey(r, key);
}

const SYSTEM_COLUMNS = new Set(['ctid', 'xmin', 'xmax', 'cmin', 'cmax', 'tableoid']);
