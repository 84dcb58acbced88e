/**
 * `DROP … IF EXISTS x`, `ALTER TABLE IF EXISTS x …`, `ALTER … IF EXISTS x RENAME / SET SCHEMA` of an object
 * that does not exist at that point and never existed before it (no migration dropped or renamed it, it is
 * not a built-in one dropped): Postgres skips the statement. Recorded for premature-drop, which says so when
 * a later migration creates the object (the statement was meant for it, and it stays).
 */
import type { StatementFacts } from '../facts';
import type { Point } from '../objects';
import type { Replay } from './replay';
import { candidates } from './resolution';

export function recordAbsentTargets(r: Replay, st: StatementFacts, point: Point): void {
  for (const e of st.effects) {
    if (e.type !== 'drop' && e.type !== 'alter-table' && e.type !== 'rename') continue;
    const ref = st.refs[e.ref];
    if (!ref.optional || ref.deferred || r.resolveAt(e.ref).resolution.status !== 'missing-optional') continue;
    const keys = candidates(r, ref);
    if (keys.some((k) => r.goneOf(k) || r.state.deletedBase.has(k))) continue;
    r.state.absentTargets.push({ point, ref, keys });
  }
}
