/**
 * out-of-order: a migration the base does not have whose version sorts (as text, like the Supabase CLI)
 * before the base's newest — `db push` refuses it ("Found local migration files to be inserted before the
 * last migration on remote database"). The fix re-stamps all such files of the branch together after the
 * base's newest (fixes/restampPlan.ts), keeping their order and every dependency, proven by replaying the
 * folder in the new order (fixes/orderCheck.ts) before it is offered.
 */
import { comparisonOf, newestLabel, type BaselineComparison } from '../baseline';
import { checkMove, orderErrors } from '../fixes/orderCheck';
import { planRestamp } from '../fixes/restampPlan';
import { edgeRunFrom, type DependencyGraph } from '../graph';
import type { Finding, RenamePlan } from '../types';
import { forwardRenameTargets, markPlanReadsFolder, siblingPath } from './forwardReference';
import { defineRule, FILE_START, inScope, type RuleContext } from './rule';

export const outOfOrder = defineRule('out-of-order', {
  run(ctx) {
    const c = comparisonOf(ctx);
    if (!c || !c.outOfOrder.length || !c.newest) return [];
    const group = groupPlan(ctx, c);
    const label = c.baseline.label;
    const newest = newestLabel(c);
    const renames = group.ok ? group.plans.map((p, k) => ({ from: ctx.migrations[c.outOfOrder[k]].path, to: siblingPath(ctx.migrations[c.outOfOrder[k]].path, p.to!) })) : undefined;
    const out: Finding[] = [];
    c.outOfOrder.forEach((fi, k) => {
      if (!inScope(ctx, fi)) return;
      const m = ctx.migrations[fi];
      const f: Finding = {
        code: 'out-of-order',
        severity: 'error',
        file: m.path,
        range: FILE_START,
        message: `${m.name} is not in ${label} and its version sorts before the newest there: \`db push\` will refuse it; ${label} already has ${newest} ("Found local migration files to be inserted before the last migration on remote database"; with --include-all it runs out of order).`,
        related: [],
        fixes: [],
      };
      if (c.newest!.name && ctx.migrations.some((x) => x.name === c.newest!.name)) f.related.push({ file: ctx.pathOf(c.newest!.name), range: FILE_START, message: `the newest migration ${label} has` });
      if (group.ok) {
        const plan = group.plans[k];
        f.rename = plan;
        f.renames = renames;
        const others = c.outOfOrder.length - 1;
        f.message += ` Re-stamp it: rename to ${plan.to}${others ? ` (with the branch's ${others} other out-of-order migration${others > 1 ? 's' : ''}, keeping their order)` : ''}.`;
        f.fixes.push({ kind: 'rename-file', title: `Rename to ${plan.to} (runs after ${newest})`, from: m.path, to: siblingPath(m.path, plan.to!) });
      } else f.message += ` No re-stamp keeps every dependency: ${group.reason}`;
      out.push(f);
    });
    return out;
  },
});

type GroupPlan = { ok: true; plans: RenamePlan[] } | { ok: false; reason: string };

/** The re-stamping of every out-of-order file together, proven by a replay (one per comparison). */
function groupPlan(ctx: RuleContext, c: BaselineComparison): GroupPlan {
  let g = groups.get(c);
  if (g) return g;
  const names = ctx.migrations.map((m) => m.name);
  const inFolder = new Set(names);
  // versions a new name must not take: skipped files, every base version (applied: `db push` would skip it), other rules' renames
  const otherNames = [
    ...ctx.discovery.skipped.map((s) => s.name),
    ...c.baseline.migrations.map((b) => b.name ?? `${b.version}_applied.sql`).filter((n) => !inFolder.has(n)),
    ...forwardRenameTargets(ctx),
  ];
  const after = c.newest!.name ?? `${c.newest!.version}_applied.sql`;
  const dependents = dependentsOf(ctx.graph);
  const result = planRestamp({
    names,
    otherNames,
    moving: c.outOfOrder,
    after,
    dependsOn: (i) => {
      const [lo, hi] = edgeRunFrom(ctx.graph, i);
      return ctx.graph.edges.slice(lo, hi).filter((e) => !e.deferred).map((e) => e.to);
    },
    dependents: (i) => dependents.get(i) ?? [],
  });
  if (!result.ok) g = { ok: false, reason: `${result.from}: ${result.reason}` };
  else {
    // the graph cannot see everything (a base migration that re-creates what a moved one creates): replay the new order
    const facts = ctx.wholeFacts?.() ?? ctx.facts;
    const files = ctx.migrations.map((m, i) => ({ path: m.path, facts: facts[i] }));
    const newNames = names.slice();
    c.outOfOrder.forEach((fi, k) => (newNames[fi] = result.plans[k].to!));
    const order = newNames.map((_, i) => i).sort((a, b) => (newNames[a] < newNames[b] ? -1 : newNames[a] > newNames[b] ? 1 : 0));
    const verdict = checkMove(order.map((i) => files[i]), orderErrors(files), []);
    if (verdict.works) g = { ok: true, plans: result.plans };
    else {
      const at = verdict.adds ?? verdict.keeps;
      const file = at ? at.path.slice(Math.max(at.path.lastIndexOf('/'), at.path.lastIndexOf('\\')) + 1) : undefined;
      g = { ok: false, reason: `after the re-stamp${file ? ` ${file} would fail at line ${at!.line}` : ' the folder would fail'} (checked by replaying the folder in the new order).` };
    }
    for (const p of result.plans) markPlanReadsFolder(p);
  }
  groups.set(c, g);
  return g;
}
const groups = new WeakMap<BaselineComparison, GroupPlan>();

/** Per migration, the ones that use what it creates when they are applied. */
function dependentsOf(graph: DependencyGraph): Map<number, number[]> {
  const m = new Map<number, number[]>();
  for (const e of graph.edges) {
    if (e.deferred) continue;
    const list = m.get(e.to);
    if (list) list.push(e.from);
    else m.set(e.to, [e.from]);
  }
  return m;
}
