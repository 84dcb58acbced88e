/**
 * unknown-column: a column a statement names that its table does not have at that point (42703). The
 * replay finds them (timeline/columns.ts), only on tables whose every column it knows for certain.
 */
import { parseMigrationName } from '../discover';
import { checkMove, orderErrors, type OrderErrors } from '../fixes/orderCheck';
import { planRename } from '../fixes/renamePlan';
import type { DependencyGraph } from '../graph';
import { before, type Point } from '../objects';
import type { SourceRange } from '../positions';
import type { Finding, RenamePlan } from '../types';
import { folderPlans, markPlanReadsFolder, namesOf, renameInputFor, replayBudget, siblingPath } from './forwardReference';
import { defineRule, inScope, type ReplayChange, type RuleContext, statementRange, where } from './rule';

export const unknownColumn = defineRule('unknown-column', {
  run(ctx) {
    const out: Finding[] = [];
    for (const m of ctx.timeline.columnMisses) {
      if (!inScope(ctx, m.point.file)) continue;
      const hint = m.suggestions.length ? ` Did you mean ${m.suggestions.map((s) => `"${s}"`).join(' or ')}?` : '';
      const story = history(ctx, m.key, m.column, m.point);
      const f: Finding = {
        code: 'unknown-column',
        severity: 'error',
        file: ctx.migrations[m.point.file].path,
        range: m.range,
        message: `column "${m.column}" of relation ${m.table} does not exist (SQLSTATE 42703): ${story ? story.text : `the migrations before this statement do not give ${m.table} that column.`}${hint}`,
        related: story ? [{ file: ctx.migrations[story.point.file].path, range: statementRange(ctx, story.point), message: story.related }] : [],
        fixes: [],
        object: `${m.table}.${m.column}`,
        causeFile: m.createdIn !== undefined && m.createdIn < m.point.file ? ctx.migrations[m.createdIn].path : undefined,
      };
      // added by a later migration: re-stamping this one after it, where a replay in that order proves it
      const plan = story?.later && story.point.file > m.point.file ? laterColumnPlan(ctx, m.point.file, story.point.file, m.range) : undefined;
      if (plan?.to) {
        f.rename = plan;
        f.message += ` Rename the file to ${plan.to} so it runs after ${plan.after}.`;
        f.fixes.push({ kind: 'rename-file', title: `Rename to ${plan.to} (runs after ${plan.after})`, from: ctx.migrations[m.point.file].path, to: siblingPath(ctx.migrations[m.point.file].path, plan.to) });
      }
      out.push(f);
    }
    return out;
  },
  // the message says where the column comes later or went before: misses before the replayed migrations on a table a replay changed
  *affectedByReplay(ctx: RuleContext, change: ReplayChange) {
    for (const m of ctx.timeline.columnMisses) if (m.point.file < change.from && change.changedKeys.has(m.key)) yield m.point.file;
  },
});

/** Where the column comes from later, or where it went before: from the table's history (its key at the end). */
function history(ctx: RuleContext, key: string, column: string, at: Point): { text: string; related: string; point: Point; later?: boolean } | undefined {
  const h = ctx.timeline.byKey.get(key);
  if (!h) return undefined;
  let had: Point | undefined;
  for (const v of h.versions) {
    const has = v.columns.some((c) => c.name === column);
    if (before(v.point, at) || (v.point.file === at.file && v.point.stmt === at.stmt)) {
      if (has) had = v.point;
      else if (had) return { text: `${where(ctx, v.point)} drops or renames it, before this statement.`, related: `"${column}" goes here`, point: v.point };
    } else if (has) {
      return { text: `it is added only by ${where(ctx, v.point)}, which runs after this statement.`, related: `"${column}" is added here`, point: v.point, later: true };
    }
  }
  return undefined;
}

/**
 * Migration `fi` names a column that migration `adder` adds later: the re-stamping that runs it right after
 * everything it needs and `adder`, when a replay of the folder in that order proves it (the column is then
 * there, and no error is added). None when forward-reference already plans to move the file, when no
 * version is free, or when the replays an analysis may spend are spent (see forward-reference's budget).
 */
function laterColumnPlan(ctx: RuleContext, fi: number, adder: number, range: SourceRange): RenamePlan | undefined {
  let cache = plansByGraph.get(ctx.graph);
  if (!cache) plansByGraph.set(ctx.graph, (cache = { plans: new Map(), budget: replayBudget(ctx.migrations.length), before: undefined }));
  const id = `${fi}:${adder}`;
  if (cache.plans.has(id)) return cache.plans.get(id);
  let plan: RenamePlan | undefined;
  const moving = folderPlans(ctx);
  if (!moving.has(fi) && cache.budget > 0) {
    const input = renameInputFor(ctx, fi);
    const reserved = new Set<string>();
    for (const p of moving.values()) if (p.to) reserved.add(parseMigrationName(p.to)!.version);
    const candidate = planRename({ ...input, dependsOn: [...input.dependsOn, adder], reserved });
    if (candidate.to) {
      cache.budget--;
      const facts = ctx.wholeFacts?.() ?? ctx.facts;
      const files = ctx.migrations.map((m, i) => ({ path: m.path, facts: facts[i] }));
      cache.before ??= orderErrors(files);
      const { names } = namesOf(ctx.discovery);
      const newNames = names.slice();
      newNames[fi] = candidate.to;
      const order = newNames.map((_, k) => k).sort((a, b) => (newNames[a] < newNames[b] ? -1 : newNames[a] > newNames[b] ? 1 : 0));
      if (checkMove(order.map((k) => files[k]), cache.before, [range]).works) plan = markPlanReadsFolder(candidate);
    }
  }
  cache.plans.set(id, plan);
  return plan;
}
const plansByGraph = new WeakMap<DependencyGraph, { plans: Map<string, RenamePlan | undefined>; budget: number; before: OrderErrors | undefined }>();
