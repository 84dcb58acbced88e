/**
 * forward-reference: a statement uses an object that only a later statement creates — in a later
 * migration (the file must be re-stamped after it) or further down the same file.
 */
import type { DiscoveryResult } from '../discover';
import { planRename, planRenames, type RenameInput } from '../fixes/renamePlan';
import { edgeRunFrom, type DependencyGraph } from '../graph';
import { displayName } from '../objects';
import type { Finding, RenamePlan } from '../types';
import { defineRule, eachUnresolvedRef, RuleContext, statementRange, where } from './rule';

export const forwardReference = defineRule('forward-reference', {
  run(ctx) {
    const out: Finding[] = [];
    const plans = folderPlans(ctx);
    eachUnresolvedRef(ctx, (r, fi) => {
      if (r.resolution.status !== 'forward') return;
      const { key, creator } = r.resolution;
      const rec = ctx.timeline.lookup(key);
      const name = rec ? displayName(rec) : key.slice(key.indexOf(':') + 1);
      const kind = rec?.kind ?? r.ref.ns;
      const sameFile = creator.file === fi;
      // A function body that uses a table created further down the same migration is fine: the body is
      // only checked when it runs, and by then the whole migration has run (pg_dump output does this).
      if (sameFile && r.ref.deferred) return;
      const later = sameFile ? `later in this migration (line ${statementRange(ctx, creator).start.line + 1})` : `by a later migration, ${where(ctx, creator)}`;
      const consequence = r.ref.deferred
        ? 'this body is only checked when it runs, so it fails if called before that migration has run'
        : sameFile
          ? 'this statement fails because it runs first; move it below the creating statement'
          : 'this migration runs first and fails (supabase db reset / migration up)';
      const f: Finding = {
        code: 'forward-reference',
        severity: r.ref.deferred ? 'warning' : 'error',
        file: ctx.migrations[fi].path,
        range: r.ref.range,
        message: `${r.ref.ns === 'policy' || r.ref.ns === 'trigger' ? '' : kind + ' '}${name} is created ${later}; ${consequence}.`,
        related: [{ file: ctx.migrations[creator.file].path, range: statementRange(ctx, creator), message: `${name} is created here` }],
        fixes: [],
        object: name,
      };
      if (!sameFile && !r.ref.deferred) {
        const plan = plans.get(fi) ?? renamePlanFor(ctx, fi);
        f.rename = plan;
        if (plan.to) {
          f.message += ` Rename the file to ${plan.to} so it runs after ${plan.after}.`;
          f.fixes.push({ kind: 'rename-file', title: `Rename to ${plan.to} (runs after ${plan.after})`, from: ctx.migrations[fi].path, to: siblingPath(ctx.migrations[fi].path, plan.to) });
        } else if (plan.reason) f.message += ` No rename helps: ${plan.reason}`;
      }
      out.push(f);
    });
    return out;
  },
});

export function siblingPath(path: string, name: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i >= 0 ? path.slice(0, i + 1) + name : name;
}

/** The re-stamping plan of one migration on its own (the rule takes it from `folderPlans`, which keeps plans apart). */
export function renamePlanFor(ctx: RuleContext, fi: number): RenamePlan {
  return planRename(renameInputFor(ctx, fi));
}

/** Dependencies of one migration, from the graph: what it uses, and who uses what it creates. */
function renameInputFor(ctx: RuleContext, fi: number): RenameInput {
  // Only apply-time needs constrain the order; uses inside function bodies are checked when they run.
  const [lo, hi] = edgeRunFrom(ctx.graph, fi);
  const dependsOn = ctx.graph.edges.slice(lo, hi).filter((e) => !e.deferred).map((e) => e.to);
  const dependents = dependentsOf(ctx.graph).get(fi) ?? [];
  return { ...namesOf(ctx.discovery), index: fi, dependsOn, dependents };
}

/**
 * The plans of every migration that must move (it uses, when applied, an object a later migration creates:
 * a forward edge of the graph), computed together so that no two choose one version (`planRenames`: each
 * reserves its version for the ones after it, in apply order). Per graph: a plan depends on the graph and
 * the folder's names only, and a rule run over part of the folder still sees every plan.
 */
function folderPlans(ctx: RuleContext): Map<number, RenamePlan> {
  let plans = plansCache.get(ctx.graph);
  if (!plans) {
    const moving: number[] = [];
    for (const e of ctx.graph.edges) if (e.forward && !e.deferred && moving[moving.length - 1] !== e.from) moving.push(e.from);
    const computed = planRenames(moving.map((fi) => renameInputFor(ctx, fi)));
    plans = new Map(moving.map((fi, i) => [fi, computed[i]]));
    plansCache.set(ctx.graph, plans);
  }
  return plans;
}
const plansCache = new WeakMap<DependencyGraph, Map<number, RenamePlan>>();

/** Per graph: for each migration, the ones that need what it creates when they are applied (in order). */
function dependentsOf(graph: DependencyGraph): Map<number, number[]> {
  let m = dependentsCache.get(graph);
  if (!m) {
    m = new Map();
    for (const e of graph.edges) {
      if (e.deferred) continue;
      const list = m.get(e.to);
      if (list) list.push(e.from);
      else m.set(e.to, [e.from]);
    }
    dependentsCache.set(graph, m);
  }
  return m;
}
const dependentsCache = new WeakMap<DependencyGraph, Map<number, number[]>>();

/** Migration and skipped file names, one pair of lists per discovery (re-analyses after typing share it). */
function namesOf(d: DiscoveryResult): { names: string[]; otherNames: string[] } {
  let n = namesCache.get(d);
  if (!n) {
    n = { names: d.migrations.map((m) => m.name), otherNames: d.skipped.map((s) => s.name) };
    namesCache.set(d, n);
  }
  return n;
}
const namesCache = new WeakMap<DiscoveryResult, { names: string[]; otherNames: string[] }>();
