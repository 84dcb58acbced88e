/**
 * The re-stamping fix for a finding that a later migration would resolve (a label it adds, an object it
 * creates): the file renamed to run right after that migration, offered only when a replay of the folder in
 * the new order proves it (fixes/orderCheck.ts): the finding is gone and no apply-time error is added.
 * Proofs are remembered per dependency graph and limited per analysis like forward-reference's.
 */
import { parseMigrationName } from '../discover';
import { checkMove, orderErrors, positionKey, type OrderErrors } from './orderCheck';
import { planRename } from './renamePlan';
import type { DependencyGraph } from '../graph';
import type { Finding, RenamePlan } from '../types';
import { folderPlans, markPlanReadsFolder, namesOf, renameInputFor, replayBudget, siblingPath } from '../rules/forwardReference';
import type { RuleContext } from '../rules/rule';

/**
 * A proven plan moving migration `fi` right after migration `after`, which removes the error or no-op at
 * byte `startByte` of `fi` (`positionKey`); undefined when none is proven (or the budget is spent).
 */
export function provenRename(ctx: RuleContext, fi: number, after: number, startByte: number): RenamePlan | undefined {
  let cache = proofs.get(ctx.graph);
  if (!cache) proofs.set(ctx.graph, (cache = { plans: new Map(), budget: replayBudget(ctx.migrations.length), before: undefined }));
  const id = `${fi}:${after}:${startByte}`;
  if (cache.plans.has(id)) return cache.plans.get(id) ?? undefined;
  let plan: RenamePlan | undefined;
  // not a file forward-reference already moves; not onto a version its plans take
  const moving = folderPlans(ctx);
  const input = renameInputFor(ctx, fi);
  const reserved = new Set<string>();
  for (const p of moving.values()) if (p.to) reserved.add(parseMigrationName(p.to)!.version);
  const candidate = moving.has(fi) ? undefined : planRename({ ...input, dependsOn: [...input.dependsOn, after], reserved });
  if (candidate?.to && cache.budget > 0) {
    cache.budget--;
    const facts = ctx.wholeFacts?.() ?? ctx.facts;
    const files = ctx.migrations.map((m, i) => ({ path: m.path, facts: facts[i] }));
    cache.before ??= orderErrors(files);
    const { names } = namesOf(ctx.discovery);
    const newNames = names.slice();
    newNames[fi] = candidate.to;
    const order = newNames.map((_, k) => k).sort((a, b) => (newNames[a] < newNames[b] ? -1 : newNames[a] > newNames[b] ? 1 : 0));
    if (checkMove(order.map((k) => files[k]), cache.before, [positionKey(ctx.migrations[fi].path, startByte)]).works && parseMigrationName(candidate.to)) {
      plan = markPlanReadsFolder(candidate);
    }
  }
  cache.plans.set(id, plan ?? null);
  return plan;
}
const proofs = new WeakMap<DependencyGraph, { plans: Map<string, RenamePlan | null>; budget: number; before: OrderErrors | undefined }>();

/** Add the proven plan to a finding: its message, `rename` and the rename-file fix. */
export function offerRename(ctx: RuleContext, f: Finding, fi: number, plan: RenamePlan): void {
  f.rename = plan;
  f.message += ` Rename the file to ${plan.to} so it runs after ${plan.after}.`;
  f.fixes.push({ kind: 'rename-file', title: `Rename to ${plan.to} (runs after ${plan.after})`, from: ctx.migrations[fi].path, to: siblingPath(ctx.migrations[fi].path, plan.to!) });
}
