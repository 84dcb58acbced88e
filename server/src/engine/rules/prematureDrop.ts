/**
 * premature-drop: `DROP … IF EXISTS x` (or `ALTER … IF EXISTS x`) where x does not exist yet and never did,
 * but a later migration creates it. Postgres skips the statement (a notice), so it does nothing now, and the
 * object the later migration creates stays as it is made: the drop (or change) was meant to run after it.
 * Not reported: an object no migration creates (an ordinary idempotent guard), one that existed before
 * (an ordinary drop), one the same migration creates after the statement (drop-then-create), a function
 * signature the later migration does not create. The fix: the rename that runs the migration after the
 * creating one, where a replay proves it works (the object is then there, and nothing else breaks).
 */
import { displayName } from '../objects';
import type { DefinitionSite } from '../timeline';
import type { Finding } from '../types';
import { offerRename, provenRename } from '../fixes/provenRename';
import { defineRule, inScope, type ReplayChange, type RuleContext, statementRange, where } from './rule';

export const prematureDrop = defineRule('premature-drop', {
  run(ctx) {
    const out: Finding[] = [];
    for (const t of ctx.timeline.absentTargets) {
      if (!inScope(ctx, t.point.file)) continue;
      const later = laterCreation(ctx, t.keys, t.point.file, t.ref.signature);
      if (!later) continue;
      const rec = ctx.timeline.byKey.get(later.key)?.record ?? ctx.timeline.lookup(later.key);
      const name = rec ? displayName(rec) : later.key.slice(later.key.indexOf(':') + 1);
      const kind = t.ref.ns === 'policy' || t.ref.ns === 'trigger' ? '' : `${rec?.kind ?? t.ref.ns} `;
      const verb = t.ref.via === 'DROP' ? 'DROP' : t.ref.via === 'RENAME' ? 'RENAME' : t.ref.via === 'SET SCHEMA' ? 'SET SCHEMA' : 'ALTER';
      const f: Finding = {
        code: 'premature-drop',
        severity: 'warning',
        file: ctx.migrations[t.point.file].path,
        range: t.ref.range,
        message: `${kind}${name} does not exist at this point, so this ${verb} … IF EXISTS does nothing; ${where(ctx, later.point)} creates it later, and it stays as that migration makes it. This migration must run after it for the ${verb === 'DROP' ? 'drop' : 'change'} to apply.`,
        related: [{ file: ctx.migrations[later.point.file].path, range: statementRange(ctx, later.point), message: `${name} is created here` }],
        fixes: [],
        object: name,
      };
      const plan = provenRename(ctx, t.point.file, later.point.file, t.ref.range.startByte);
      if (plan) offerRename(ctx, f, t.point.file, plan);
      out.push(f);
    }
    return out;
  },
  // the later creation can come or go with a replayed migration: targets before it whose names a replay changed
  *affectedByReplay(ctx: RuleContext, change: ReplayChange) {
    for (const t of ctx.timeline.absentTargets) if (t.point.file < change.from && t.keys.some((k) => change.changedKeys.has(k))) yield t.point.file;
  },
});

/**
 * The first creation of one of `keys` by a migration after `file` (none when `file` itself creates one of them
 * after the statement: it drops and re-creates its own object); for a function, of signature `signature`.
 */
function laterCreation(ctx: RuleContext, keys: string[], file: number, signature: string | undefined): DefinitionSite | undefined {
  const first = firstCreations(ctx);
  let best: DefinitionSite | undefined;
  for (const k of keys) {
    for (const d of first.get(k) ?? []) {
      if (d.point.file < file) continue;
      if (d.point.file === file) return undefined;
      if (signature !== undefined && d.signature !== undefined && d.signature !== signature) continue;
      if (!best || d.point.file < best.point.file || (d.point.file === best.point.file && d.point.stmt < best.point.stmt)) best = d;
      break;
    }
  }
  return best;
}

/** Every definition by key, in apply order (per timeline: its `defs` lists). */
function firstCreations(ctx: RuleContext): Map<string, DefinitionSite[]> {
  let m = cache.get(ctx.timeline.defs);
  if (!m) {
    m = new Map();
    for (const list of ctx.timeline.defs)
      for (const d of list) {
        const l = m.get(d.key);
        if (l) l.push(d);
        else m.set(d.key, [d]);
      }
    cache.set(ctx.timeline.defs, m);
  }
  return m;
}
const cache = new WeakMap<DefinitionSite[][], Map<string, DefinitionSite[]>>();
