/** What every rule module exports, and what rules get to look at. */
import { ruleDescription, type StaticRuleCode } from '../../ruleRegistry';
import type { DiscoveryResult } from '../discover';
import type { FileFacts, RefFact } from '../facts';
import type { DependencyGraph } from '../graph';
import type { Point } from '../objects';
import type { SourceRange } from '../positions';
import type { Baseline } from '../baseline';
import type { SkippedCreations } from '../skippedCreations';
import { unresolvedRefs, type Resolution, type ResolvedRef, type Timeline } from '../timeline';
import type { Finding, MigrationInput, Severity } from '../types';

export interface AnalyzedMigration {
  path: string;
  name: string;
  version: string;
}

export interface RuleContext {
  migrations: AnalyzedMigration[];
  facts: FileFacts[];
  timeline: Timeline;
  discovery: DiscoveryResult;
  graph: DependencyGraph;
  inputs: MigrationInput[];
  /** Path of a skipped file (they are not in `migrations`). */
  pathOf(name: string): string;
  /**
   * A streamed check (`checkFolder`) keeps of each file's facts only what the rules read once it is
   * replayed: this extracts every migration's facts again, whole (once; the caller keeps them), for a rule
   * that must replay the folder in another order (forward-reference proving a rename). Unset: `facts` are
   * whole.
   */
  wholeFacts?(): FileFacts[];
  /** What the files the CLI skips would have created (a use of it says which file to rename). */
  skippedCreations: SkippedCreations;
  /** Regexes for foreign-key-like column names; group 1 is the table's base name. */
  foreignKeyPatterns: RegExp[];
  /** What the base already has (`EngineConfig.baseline`): the team-workflow rules compare the folder with it. */
  baseline?: Baseline;
  /**
   * The text of migration `fi` when `inputs` no longer hold it (a streamed check reads the file again).
   * Unset: `inputs[fi].text`.
   */
  textOf?(fi: number): string;
  /**
   * When set, only findings in these migrations (by index) are wanted: an incremental re-analysis keeps
   * the others. Rules skip the rest where that saves work; the engine drops whatever they still return.
   */
  scope?: ReadonlySet<number>;
}

/** Whether findings in migration `fi` are wanted this run. */
export function inScope(ctx: RuleContext, fi: number): boolean {
  return !ctx.scope || ctx.scope.has(fi);
}

/** Each reference that did not resolve (forward, dropped, unknown) in the migrations in scope, with its migration's index. */
export function eachUnresolvedRef(ctx: RuleContext, visit: (r: ResolvedRef, fi: number) => void): void {
  ctx.timeline.refs.forEach((refs, fi) => {
    if (!inScope(ctx, fi)) return;
    for (const r of unresolvedRefs(refs)) visit(r, fi);
  });
}

/**
 * The resolution of migration `fi`'s reference `ref` (a statement's `refs[i]`), by the object: one map per
 * file's list of answers (the timeline replaces a list when it resolves the file again, never changes one).
 * Streamed timelines keep only some answers: the rules that ask keep those files whole (timeline/stream.ts).
 */
export function resolutionOf(ctx: RuleContext, fi: number, ref: RefFact | undefined): Resolution | undefined {
  const list = ctx.timeline.refs[fi];
  if (!ref || !list) return undefined;
  let byRef = resolutionsByList.get(list);
  if (!byRef) {
    byRef = new Map(list.map((r) => [r.ref, r.resolution]));
    resolutionsByList.set(list, byRef);
  }
  return byRef.get(ref);
}
const resolutionsByList = new WeakMap<ResolvedRef[], Map<RefFact, Resolution>>();

/** A rule: its code and metadata (from the rule registry, server/src/ruleRegistry) and what it does. */
export interface Rule {
  code: StaticRuleCode;
  defaultSeverity: Severity;
  /** One line for docs and SARIF. */
  summary: string;
  run(ctx: RuleContext): Finding[];
  /**
   * After a replay resumed from a snapshot (an edit changed what migration `change.from` does): migrations
   * before it whose findings of this rule can still differ from `change.prev`'s. The engine already
   * re-runs every rule on the migrations from `change.from` on, on those whose references resolve
   * differently, and on those with a finding that points into a replayed migration; a rule whose findings
   * depend on the state at the end of the folder adds what else can change (by `change.changedKeys`).
   */
  affectedByReplay?(ctx: RuleContext, change: ReplayChange): Iterable<number>;
}

/** What a rule module writes: the code, and what it does; severity and summary come from the registry. */
export function defineRule(code: StaticRuleCode, behaviour: Pick<Rule, 'run' | 'affectedByReplay'>): Rule {
  const entry = ruleDescription(code)!;
  return { code, defaultSeverity: entry.defaultSeverity, summary: entry.summary, ...behaviour };
}

export interface ReplayChange {
  /** The first migration replayed: the ones before it have the same facts and replay the same. */
  from: number;
  /** The keys either replay (this one or the previous one, both resumed from one snapshot) changed. */
  changedKeys: ReadonlySet<string>;
  /** The previous analysis's timeline (same migrations). */
  prev: Timeline;
}

export const FILE_START: SourceRange = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 }, startByte: 0, endByte: 0 };

/** `20260105000000_x.sql (line 12)` */
export function where(ctx: RuleContext, p: Point, range?: SourceRange): string {
  const m = ctx.migrations[p.file];
  const line = range ?? ctx.facts[p.file].statements[p.stmt]?.range;
  return line ? `${m.name} (line ${line.start.line + 1})` : m.name;
}

export function statementRange(ctx: RuleContext, p: Point): SourceRange {
  return ctx.facts[p.file].statements[p.stmt]?.range ?? FILE_START;
}
