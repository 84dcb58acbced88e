/**
 * After a replay resumed from a snapshot: what it changed compared with the previous analysis's replay
 * (`replayChange`), and the findings with the rules run again on the migrations that can differ only
 * (`rulesAfterReplay`, `rulesInScope`), keeping the previous findings of every other migration.
 */
import type { Analysis, EngineConfig } from '../analyze';
import { orderOf, runRules, sortFindings } from '../analyze';
import type { ReplayChange, RuleContext } from '../rules/rule';
import { RULES } from '../rules';
import { planReadsFolder } from '../rules/forwardReference';
import type { Timeline } from '../timeline';
import type { Finding } from '../types';

/**
 * What a replay resumed from a snapshot changed, with the previous analysis's replay (resumed from the same
 * snapshot, so that the two differ only after its file and only on keys either changed); otherwise nothing
 * is known and everything is computed again.
 */
export function replayChange(prev: Analysis, timeline: Timeline): ReplayChange | undefined {
  const snapshot = timeline.snapshot;
  const mine = timeline.changedKeys;
  const theirs = prev.timeline.changedKeys;
  if (!snapshot || !mine || !theirs || prev.timeline.snapshot !== snapshot) return undefined;
  const changedKeys = new Set(theirs);
  for (const k of mine) changedKeys.add(k);
  return { from: snapshot.file, changedKeys, prev: prev.timeline };
}

/**
 * The findings after a resumed replay: the rules run again on the migrations from the replayed one on, on
 * earlier ones whose references resolve differently (uses of objects created later), on earlier ones with a
 * finding that points into a replayed migration, and on what each rule says can still change
 * (`Rule.affectedByReplay`); the previous findings of every other migration are kept. After an edit in
 * the last migration that changes what it creates, that is the file and a few others, not the folder.
 */
export function rulesAfterReplay(ctx: RuleContext, config: EngineConfig, prev: Analysis, change: ReplayChange): { findings: Finding[]; scope: number } | undefined {
  const n = ctx.migrations.length;
  const from = change.from;
  const scope = new Set<number>();
  for (let fi = from; fi < n; fi++) scope.add(fi);
  for (let fi = 0; fi < from; fi++) if (ctx.timeline.refs[fi] !== change.prev.refs[fi]) scope.add(fi);
  const order = orderOf(ctx.migrations);
  for (const f of prev.ruleFindings) {
    const fi = order.get(f.file);
    if (fi !== undefined && fi < from && !scope.has(fi) && (f.related.some((r) => (order.get(r.file) ?? -1) >= from) || planReadsFolder(f.rename))) scope.add(fi);
  }
  for (const rule of RULES) {
    if (!rule.affectedByReplay || config.rules?.[rule.code] === 'off') continue;
    for (const fi of rule.affectedByReplay(ctx, change)) scope.add(fi);
  }
  if (scope.size >= n) return undefined;
  return { findings: rulesInScope(ctx, config, prev.ruleFindings, scope), scope: scope.size };
}

/** The rules run again on the migrations in `scope` (by index); `prevFindings` kept for every other file. */
export function rulesInScope(ctx: RuleContext, config: EngineConfig, prevFindings: Finding[], scope: ReadonlySet<number>): Finding[] {
  const scopePaths = new Set([...scope].map((i) => ctx.migrations[i].path));
  const kept = prevFindings.filter((f) => !scopePaths.has(f.file));
  return sortFindings(kept.concat(runRules({ ...ctx, scope }, config).filter((f) => scopePaths.has(f.file))), orderOf(ctx.migrations));
}
