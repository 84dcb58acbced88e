/**
 * forward-reference: a statement uses an object that only a later statement creates — in a later
 * migration (the file must be re-stamped after it) or further down the same file.
 */
import type { DiscoveryResult } from '../discover';
import { parseMigrationName } from '../discover';
import { checkMove, orderErrors, type MoveVerdict } from '../fixes/orderCheck';
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
export function renameInputFor(ctx: RuleContext, fi: number): RenameInput {
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
export function folderPlans(ctx: RuleContext): Map<number, RenamePlan> {
  let plans = plansCache.get(ctx.graph);
  if (!plans) {
    const moving: number[] = [];
    for (const e of ctx.graph.edges) if (e.forward && !e.deferred && moving[moving.length - 1] !== e.from) moving.push(e.from);
    const inputs = moving.map((fi) => renameInputFor(ctx, fi));
    const computed = planRenames(inputs);
    proveBlockedPlans(ctx, inputs, computed);
    plans = new Map(moving.map((fi, i) => [fi, computed[i]]));
    plansCache.set(ctx.graph, plans);
  }
  return plans;
}
const plansCache = new WeakMap<DependencyGraph, Map<number, RenamePlan>>();

/** At most this many positions after the latest migration a file depends on are tried, alone and with the other plans. */
const POSITIONS = 2;
/**
 * Re-ordered replays per analysis: at most 8, and about 8,000 migration replays in all (a replay of 1,000
 * migrations' facts takes ~0.4 s), but always one (the move after the latest dependency, alone).
 */
export function replayBudget(migrations: number): number {
  return Math.min(8, Math.max(1, Math.floor(8000 / Math.max(1, migrations))));
}

/**
 * Plans the graph blocks (a migration that uses what this one creates would have to run before the one it
 * needs: "cycle", or no version left before it) are proven before they are said: the folder is replayed
 * with the file moved after its latest dependency (and the next few), alone and together with the other
 * plans. The graph counts a use of an object that the user re-creates itself (`create or replace`,
 * `drop` + `create`, `if not exists`) as a need, so the move can work: a position where the file's forward
 * references are gone and no error appears becomes its plan. Otherwise the reason names the error the
 * move adds. Changes `plans` in place.
 */
function proveBlockedPlans(ctx: RuleContext, inputs: RenameInput[], plans: RenamePlan[]): void {
  const blocked = inputs.map((_, i) => i).filter((i) => plans[i].to === null && plans[i].after !== undefined && inputs[i].dependents.some((d) => d !== inputs[i].index));
  if (!blocked.length) return;
  const facts = ctx.wholeFacts?.() ?? ctx.facts;
  const files = ctx.migrations.map((m, i) => ({ path: m.path, facts: facts[i] }));
  const before = orderErrors(files);
  const { names, otherNames } = namesOf(ctx.discovery);
  let budget = replayBudget(files.length);
  for (const i of blocked) {
    const input = inputs[i];
    const fi = input.index;
    const latest = Math.max(...input.dependsOn.filter((d) => d !== fi));
    const fixed = before.forward[fi];
    let proof: MoveVerdict | undefined;
    let unchecked = false;
    search: for (let j = latest; j < Math.min(names.length, latest + POSITIONS); j++) {
      if (j === fi) continue;
      const reserved = new Set(plans.filter((p, k) => k !== i && p.to).map((p) => parseMigrationName(p.to!)!.version));
      const candidate = planRename({ names, otherNames, index: fi, dependsOn: [j], dependents: [], reserved });
      if (!candidate.to) continue;
      const others: [number, string][] = [];
      plans.forEach((p, k) => {
        if (k !== i && p.to) others.push([inputs[k].index, p.to]);
      });
      for (const renamed of others.length ? [[], others] : [[] as [number, string][]]) {
        if (budget-- <= 0) {
          unchecked = true;
          break search;
        }
        const newNames = names.slice();
        for (const [k, to] of renamed) newNames[k] = to;
        newNames[fi] = candidate.to;
        const order = newNames.map((_, k) => k).sort((a, b) => (newNames[a] < newNames[b] ? -1 : newNames[a] > newNames[b] ? 1 : 0));
        const verdict = checkMove(order.map((k) => files[k]), before, fixed);
        if (verdict.works) {
          plans[i] = { from: input.names[fi], to: candidate.to, after: names[j] };
          break search;
        }
        proof ??= verdict;
      }
    }
    if (plans[i].to) {
      replayed.add(plans[i]);
      continue;
    }
    const cycle = plans[i].reason ?? '';
    if (unchecked && !proof) plans[i] = { ...plans[i], reason: `whether a rename helps was not checked (too many files to re-check in this folder): ${cycle.replace(/^no valid position \(cycle\): /, '')}` };
    else if (proof && !proof.works && (proof.adds ?? proof.keeps)) {
      const at = (proof.adds ?? proof.keeps)!;
      const file = at.path.slice(Math.max(at.path.lastIndexOf('/'), at.path.lastIndexOf('\\')) + 1);
      const what = proof.adds ? `${file} fails at line ${at.line}` : `this migration still fails at line ${at.line}`;
      plans[i] = { ...plans[i], reason: `${cycle} (Checked: run after ${plans[i].after}, ${what}.)` };
    }
    replayed.add(plans[i]);
  }
}

/** Plans decided by replaying the folder reordered (see `proveBlockedPlans`; out-of-order's group plans, fixes/provenRename.ts). */
const replayed = new WeakSet<RenamePlan>();

/** Record that a plan was decided by replaying the whole folder reordered (see `planReadsFolder`). */
export function markPlanReadsFolder(plan: RenamePlan): RenamePlan {
  replayed.add(plan);
  return plan;
}

/** The new names this rule's rename plans give (another rule's renames must not take their versions). */
export function forwardRenameTargets(ctx: RuleContext): string[] {
  const out: string[] = [];
  for (const p of folderPlans(ctx).values()) if (p.to) out.push(p.to);
  return out;
}

/**
 * Whether a finding's rename plan was decided by replaying the whole folder reordered: any edit anywhere can
 * change it (an incremental re-analysis runs the rule again on its file).
 */
export function planReadsFolder(plan: RenamePlan | undefined): boolean {
  return plan !== undefined && replayed.has(plan);
}

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
export function namesOf(d: DiscoveryResult): { names: string[]; otherNames: string[] } {
  let n = namesCache.get(d);
  if (!n) {
    n = { names: d.migrations.map((m) => m.name), otherNames: d.skipped.map((s) => s.name) };
    namesCache.set(d, n);
  }
  return n;
}
const namesCache = new WeakMap<DiscoveryResult, { names: string[]; otherNames: string[] }>();
