/**
 * unknown-enum-label: a string literal cast to an enum that has no such label at that point (22P02). The
 * replay finds them (timeline/enumLabels.ts), only on enums whose labels it knows for certain. A label a later
 * migration adds is named, with the rename that runs this migration after it where a replay proves it helps.
 */
import type { Finding } from '../types';
import { offerRename, provenRename } from '../fixes/provenRename';
import { defineRule, inScope, resolutionOf, type ReplayChange, type RuleContext } from './rule';

export const unknownEnumLabel = defineRule('unknown-enum-label', {
  run(ctx) {
    const out: Finding[] = [];
    for (const m of ctx.timeline.enumLabelMisses) {
      if (!inScope(ctx, m.point.file)) continue;
      const later = laterAddition(ctx, m.key, m.label, m.point.file);
      const f: Finding = {
        code: 'unknown-enum-label',
        severity: 'error',
        file: ctx.migrations[m.point.file].path,
        range: m.range,
        message: `invalid input value for enum ${m.type}: "${m.label}" (SQLSTATE 22P02): its labels at this point are ${m.labels.map((l) => `'${l}'`).join(', ') || 'none'}${later === undefined ? '' : `; ${ctx.migrations[later].name} adds '${m.label}' later: this migration must run after it`}.`,
        related: later === undefined ? [] : [{ file: ctx.migrations[later].path, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 }, startByte: 0, endByte: 0 }, message: `adds '${m.label}'` }],
        fixes: [],
        object: `${m.type}.'${m.label}'`,
        causeFile: m.createdIn !== undefined && m.createdIn < m.point.file ? ctx.migrations[m.createdIn].path : undefined,
      };
      const plan = later === undefined ? undefined : provenRename(ctx, m.point.file, later, m.range.startByte);
      if (plan) offerRename(ctx, f, m.point.file, plan);
      out.push(f);
    }
    return out;
  },
  // the message names a later migration that adds the label: misses before the replayed migrations on an enum a replay changed
  *affectedByReplay(ctx: RuleContext, change: ReplayChange) {
    for (const m of ctx.timeline.enumLabelMisses) if (m.point.file < change.from && change.changedKeys.has(m.key)) yield m.point.file;
  },
});

/** A later migration that adds the label to the enum (ALTER TYPE … ADD VALUE), if any. */
function laterAddition(ctx: RuleContext, key: string, label: string, after: number): number | undefined {
  for (let fi = after + 1; fi < ctx.facts.length; fi++) {
    for (const st of ctx.facts[fi].statements) {
      const a = st.enumValueAdded;
      if (!a || a.label !== label) continue;
      const res = resolutionOf(ctx, fi, st.refs[a.ref]);
      if (res?.status === 'ok' && res.key === key) return fi;
    }
  }
  return undefined;
}
