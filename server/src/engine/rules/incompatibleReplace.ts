/**
 * incompatible-replace: a CREATE OR REPLACE FUNCTION / PROCEDURE / VIEW that changes what PostgreSQL does
 * not let it change (timeline/replacements.ts has the cases): the migration fails. The fix drops the object
 * first; objects that depend on it (triggers, policies, views, defaults that use it) would then need
 * CASCADE, which drops them too, so the message names the ones the migrations before it made.
 */
import { displayTypeName } from '../names';
import { displayName } from '../objects';
import type { Conflict } from '../timeline';
import type { Finding, RelatedInformation } from '../types';
import { defineRule, ReplayChange, RuleContext, where } from './rule';

export const incompatibleReplace = defineRule('incompatible-replace', {
  run(ctx) {
    const out: Finding[] = [];
    for (const c of ctx.timeline.conflicts) {
      if (!c.refused) continue;
      const name = c.effect.ns === 'function' ? `${displayName(c.existing)}`.replace(/\(\)$/, '') + `(${(c.effect.signature ?? '').split(',').filter(Boolean).map(displayTypeName).join(', ')})` : displayName(c.existing);
      const file = ctx.migrations[c.point.file].path;
      const st = ctx.facts[c.point.file].statements[c.point.stmt];
      const isView = c.effect.kind === 'view';
      const target = isView ? `view ${c.existing.schema}.${c.existing.name}` : `${c.effect.kind === 'procedure' ? 'procedure' : 'function'} ${c.existing.schema}.${c.existing.name}(${c.effect.signature ?? ''})`;
      const dependents = isView ? [] : dependentsOf(ctx, c);
      const def = c.existing.def;
      const related: RelatedInformation[] = [];
      if (def && c.existing.origin === 'migration') related.push({ file: ctx.migrations[def.point.file].path, range: def.range, message: `${name} is created here` });
      for (const d of dependents) related.push({ file: ctx.migrations[d.file].path, range: d.range, message: `uses ${name}: DROP without CASCADE fails while it exists` });
      const cascade = dependents.length
        ? ` ${dependents.length === 1 ? 'One object' : `${dependents.length} objects`} made before depend${dependents.length === 1 ? 's' : ''} on it (${dependents.map((d) => where(ctx, d.point, d.range)).join(', ')}): DROP then needs CASCADE, which drops ${dependents.length === 1 ? 'it' : 'them'} too, so re-create ${dependents.length === 1 ? 'it' : 'them'} after.`
        : isView
          ? ' Views and functions that use it would need CASCADE, which drops them too.'
          : '';
      out.push({
        code: 'incompatible-replace',
        severity: 'error',
        file,
        range: c.effect.range,
        message: `${c.refused.message} (SQLSTATE ${c.refused.sqlstate}): ${c.refused.detail}. CREATE OR REPLACE cannot change that; drop ${name} first (DROP ${isView ? 'VIEW' : c.effect.kind === 'procedure' ? 'PROCEDURE' : 'FUNCTION'} ${isView ? `${c.existing.schema}.${c.existing.name}` : `${c.existing.schema}.${c.existing.name}(${c.effect.signature ?? ''})`}).${cascade}`,
        related,
        fixes: st
          ? [
              {
                kind: 'edit',
                title: `Drop ${name} first`,
                file,
                edits: [{ range: { start: st.range.start, end: st.range.start, startByte: st.range.startByte, endByte: st.range.startByte }, newText: `drop ${target};\n` }],
              },
            ]
          : [],
        object: name,
      });
    }
    return out;
  },
  // the conflict names the object as it is at the end (a later rename shows)
  *affectedByReplay(ctx: RuleContext, change: ReplayChange) {
    for (const t of [ctx.timeline, change.prev])
      for (const c of t.conflicts) if (c.refused && c.point.file < change.from && (change.changedKeys.has(c.key) || change.changedKeys.has(c.existing.key))) yield c.point.file;
  },
});

/** Uses of the function outside function bodies (Postgres records those as dependencies) before the refused statement, up to three. */
function dependentsOf(ctx: RuleContext, c: Conflict): { file: number; point: { file: number; stmt: number }; range: Finding['range'] }[] {
  const out: { file: number; point: { file: number; stmt: number }; range: Finding['range'] }[] = [];
  for (let fi = 0; fi <= c.point.file && out.length < 3; fi++) {
    for (const r of ctx.timeline.refs[fi] ?? []) {
      if (out.length >= 3) break;
      if (r.ref.deferred || r.resolution.status !== 'ok' || r.resolution.key !== c.key) continue;
      if (fi === c.point.file && r.point.stmt >= c.point.stmt) continue;
      // the object's own definition statements (a grant, a comment, an ALTER) are not dependents
      if (/^(GRANT|REVOKE|COMMENT|ALTER|DROP)/.test(r.ref.via)) continue;
      out.push({ file: fi, point: r.point, range: r.ref.range });
    }
  }
  return out;
}
