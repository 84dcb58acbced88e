/**
 * Enum labels through the replay: CREATE TYPE … AS ENUM gives an enum its labels, ALTER TYPE … ADD VALUE
 * and RENAME VALUE change them (one in a DO block, which may not run, makes them unknown from then on). A
 * string literal converted to the enum where the statement evaluates it must be one of its labels then, or
 * Postgres fails with 22P02 (invalid input value for enum): a cast (`'x'::t`, facts `literalCasts`), or a
 * string converted to the type of a column of the enum (facts `columnLiterals`: a default, a comparison, an
 * inserted value), on a table whose columns the replay knows for certain.
 */
import type { StatementFacts } from '../facts';
import { displayName, samePoint, type ObjectRecord, type Point } from '../objects';
import type { SourceRange } from '../positions';
import { columnsCertain } from './columns';
import type { Replay } from './replay';
import { own } from './snapshots';

export function checkEnumLabels(r: Replay, st: StatementFacts, point: Point): void {
  for (const c of st.literalCasts ?? []) {
    const key = r.keyOf(c.ref);
    const rec = key ? r.get(key) : undefined;
    if (key && rec?.kind === 'enum') checkLabel(r, rec, key, c.value, c.range, point);
  }
  for (const c of st.columnLiterals ?? []) {
    const key = r.keyOf(c.ref);
    const table = key ? r.get(key) : undefined;
    if (!key || !table || !columnsCertain(r, key, table)) continue;
    const col = typeof c.column === 'number' ? table.columns[c.column] : table.columns.find((x) => x.name === c.column);
    const t = col?.enumType;
    const rec = t ? r.get(t.key) : undefined;
    // the key may name another enum by now (the column's was renamed and one of its old name made)
    if (!t || !rec || rec.kind !== 'enum' || !samePoint(rec.def?.point, t.creator)) continue;
    r.state.enumConversions.push({ point, key: t.key, label: c.value, range: c.range, type: displayName(rec) });
    checkLabel(r, rec, t.key, c.value, c.range, point);
  }
}

function checkLabel(r: Replay, rec: ObjectRecord, key: string, label: string, range: SourceRange, point: Point): void {
  if (!rec.enumLabels || rec.enumLabels.includes(label)) return;
  r.state.enumLabelMisses.push({ point, label, range, type: displayName(rec), key, labels: rec.enumLabels, createdIn: rec.def?.point.file });
}

/** The enum a migration made that type reference `typeRef` of the statement being replayed names, if it does. */
export function enumTypeOf(r: Replay, typeRef: number | undefined): { key: string; creator: Point } | undefined {
  const key = r.keyOf(typeRef);
  const rec = key ? r.get(key) : undefined;
  return key && rec?.kind === 'enum' && rec.def ? { key, creator: rec.def.point } : undefined;
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
