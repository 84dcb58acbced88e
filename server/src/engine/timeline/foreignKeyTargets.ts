/**
 * What a foreign key references must be a key of the referenced table when the constraint is made
 * (tablecmds.c transformFkeyCheckAttrs / transformFkeyGetPrimaryKey): the referenced columns, as a set, the
 * key of its primary key, of a unique constraint or of a unique index without WHERE or expressions (42830
 * "there is no unique constraint matching given keys"); no column list: the primary key, which the table
 * must have (42704 "there is no primary key for referenced table"). Checked only where the replay knows the
 * table's keys for certain: a table a migration made with its columns written out, never changed in a DO
 * block nor an index of it dropped by one, with nothing opaque in its schema, and no dynamic SQL nor function
 * a migration made run so far (either may have added or dropped keys).
 */
import type { ForeignKeyFact, StatementFacts } from '../facts';
import { displayName, type Point } from '../objects';
import { columnsCertain } from './columns';
import type { Replay } from './replay';
import { childrenOf } from './snapshots';

/**
 * Marks (`Replay.addOpaque`) that dynamic SQL or a function a migration made has run: what constraints and
 * indexes it made, and which tables it added to publications (./publications.ts), are not known from then on.
 */
export const CODE_RAN = 'keys:';

/** After a statement that runs dynamic SQL, or a function a migration made (it may run DDL): keys and publication members are unknown from then on. */
export function noteCodeRun(r: Replay, st: StatementFacts): void {
  if (r.isOpaque(CODE_RAN)) return;
  if (st.dynamicSql) return r.addOpaque(CODE_RAN);
  for (const c of st.calls ?? []) {
    const key = r.keyOf(c.ref);
    if (key && r.get(key)?.origin === 'migration') return r.addOpaque(CODE_RAN);
  }
}

const KEYED_KINDS = new Set(['table', 'partitioned table']);

/** A foreign key of the statement being replayed, once the statement's own keys are made. */
export function checkForeignKeyTarget(r: Replay, fk: Pick<ForeignKeyFact, 'ref' | 'refColumns' | 'range' | 'certain'>, point: Point): void {
  if (!fk.certain || !fk.range || r.isOpaque(CODE_RAN)) return;
  const key = r.keyOf(fk.ref);
  const t = key ? r.get(key) : undefined;
  if (!key || !t || !KEYED_KINDS.has(t.kind) || t.keysUncertain || !columnsCertain(r, key, t)) return;
  const wanted = fk.refColumns;
  // a column it does not have is 42703 first (columns.ts); a column named twice is another error
  if (wanted.some((c) => !t.columns!.some((x) => x.name === c)) || new Set(wanted).size !== wanted.length) return;
  const same = (k: readonly string[] | undefined) => !!k && k.length === wanted.length && wanted.every((c) => k.includes(c));
  if (wanted.length ? same(t.primaryKey) : !!t.primaryKey?.length) return;
  const keys: string[][] = [];
  let primary: string[] | undefined;
  for (const [, c] of childrenOf(r, key)) {
    const k = c.kind === 'index' ? c.index?.keys : undefined;
    if (!k || !c.index?.unique) continue;
    if (c.index.label === 'pkey') primary = k;
    else keys.push(k);
  }
  if (wanted.length ? same(primary) || keys.some(same) : primary) return;
  if (primary) keys.unshift(primary);
  r.state.keyMisses.push({ point, range: fk.range, table: displayName(t), key, columns: wanted, keys, createdIn: t.def?.point.file });
}
