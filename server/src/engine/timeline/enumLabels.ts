/**
 * Enum labels through the replay: CREATE TYPE … AS ENUM gives an enum its labels, ALTER TYPE … ADD VALUE
 * and RENAME VALUE change them (one in a DO block, which may not run, makes them unknown from then on). A
 * string literal cast to the enum where the statement evaluates it (`'x'::t`, facts `literalCasts`) must be
 * one of its labels then, or Postgres fails with 22P02 (invalid input value for enum).
 */
import type { StatementFacts } from '../facts';
import { displayName, type Point } from '../objects';
import type { Replay } from './replay';
import { own } from './snapshots';

export function checkEnumLabels(r: Replay, st: StatementFacts, point: Point): void {
  for (const c of st.literalCasts ?? []) {
    const key = r.keyOf(c.ref);
    const rec = key ? r.get(key) : undefined;
    if (!key || !rec || rec.kind !== 'enum' || !rec.enumLabels || rec.enumLabels.includes(c.value)) continue;
    r.state.enumLabelMisses.push({ point, label: c.value, range: c.range, type: displayName(rec), key, labels: rec.enumLabels, createdIn: rec.def?.point.file });
  }
}

export function changeEnumLabels(r: Replay, st: StatementFacts): void {
  const change = st.enumValueAdded ?? st.enumValueRenamed!;
  const key = r.keyOf(change.ref);
  const cur = key ? r.get(key) : undefined;
  if (!cur || cur.kind !== 'enum' || !cur.enumLabels) return;
  const rec = own(r, cur);
  const labels = rec.enumLabels!;
  if (change.inDoBlock) rec.enumLabels = undefined;
  else if (st.enumValueAdded) {
    if (!labels.includes(st.enumValueAdded.label)) rec.enumLabels = [...labels, st.enumValueAdded.label];
  } else if (st.enumValueRenamed) {
    const { from, to } = st.enumValueRenamed;
    rec.enumLabels = labels.includes(from) ? labels.map((l) => (l === from ? to : l)) : undefined;
  }
}
