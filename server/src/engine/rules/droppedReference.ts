/** dropped-reference: the object existed, but an earlier statement dropped it or renamed it away. */
import { displayName } from '../objects';
import type { Finding } from '../types';
import { defineRule, eachUnresolvedRef, where } from './rule';

export const droppedReference = defineRule('dropped-reference', {
  run(ctx) {
    const out: Finding[] = [];
    eachUnresolvedRef(ctx, (r, fi) => {
      const res = r.resolution;
      if (res.status !== 'dropped') return;
      const rec = ctx.timeline.lookup(res.key);
      const name = rec && rec.key === res.key ? displayName(rec) : res.key.slice(res.key.indexOf(':') + 1);
      const how = res.gone.how === 'renamed' ? `was renamed to ${res.gone.to}` : 'was dropped';
      const fixes: Finding['fixes'] = [];
      if (res.gone.how === 'renamed' && res.gone.to && r.ref.ns === 'relation') {
        fixes.push({ kind: 'edit', title: `Change to ${res.gone.to}`, file: ctx.migrations[fi].path, edits: [{ range: r.ref.range, newText: res.gone.to }] });
      }
      out.push({
        code: 'dropped-reference',
        severity: r.ref.deferred ? 'warning' : 'error',
        file: ctx.migrations[fi].path,
        range: r.ref.range,
        message: `${name} ${how} by ${where(ctx, res.gone.point, res.gone.range)}; it no longer exists here.`,
        related: [{ file: ctx.migrations[res.gone.point.file].path, range: res.gone.range, message: `${name} ${how} here` }],
        fixes,
        object: name,
        causeFile: ctx.migrations[res.gone.point.file].path,
      });
    });
    return out;
  },
});
