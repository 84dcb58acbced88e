/**
 * The one entry point: a migrations folder in, everything the product shows out — migrations in apply
 * order, findings with fixes, the timeline, the dependency graph. Pure: the caller lists and reads files.
 * Analysing again after edits (`reanalyzeFolder`, re-exported here) is incremental/.
 */
import { foldConsequences } from './consequences';
import { discoverMigrations, DiscoveryResult, SkippedFile } from './discover';
import { DEFAULT_SEARCH_PATH, extractFacts, type ExtractOptions, FileFacts } from './facts';
import { buildGraph, DependencyGraph, GraphNode } from './graph';
import { sameEntries } from './incremental/reanalyze';
import { replayChange, rulesAfterReplay } from './incremental/replayScope';
import type { AnalyzedMigration, RuleContext } from './rules/rule';
import { RULES } from './rules';
import { LineIndex } from './positions';
import { DEFAULT_POSTGRES_VERSION, grammarFor } from './parser';
import { buildTimeline } from './timeline';
import { skippedCreations, type SkippedCreations } from './skippedCreations';
import type { ReplayStart, Timeline } from './timeline';
import type { Baseline } from './baseline';
import type { DirectoryEntry, Finding, MigrationInput, RuleCode, Severity } from './types';

export { reanalyzeFolder } from './incremental/reanalyze';

export interface EngineConfig {
  /** Per rule: a severity, or "off". */
  rules?: Partial<Record<RuleCode, Severity | 'off'>>;
  /** Regexes for foreign-key-like column names; capture group 1 is the referenced table's base name. */
  foreignKeyPatterns?: string[];
  /** Search path migrations run with (Supabase: "$user", public, extensions). */
  searchPath?: string[];
  /** Files larger than this are not read (an `unreadable-file` warning instead); the host applies it. */
  maxFileBytes?: number;
  /**
   * The project's PostgreSQL major version (`[db] major_version` of supabase/config.toml): statements are
   * parsed with its grammar (`grammarFor`). Default `DEFAULT_POSTGRES_VERSION`.
   */
  postgresVersion?: number;
  /**
   * What the base already has — the default branch's migrations (host/git.ts) or the versions production
   * applied (host/appliedList.ts): the team-workflow rules (out-of-order, edited-applied, removed-applied,
   * renamed-applied) compare the folder with it. Unset: they report nothing.
   */
  baseline?: Baseline;
}

/** The PostgreSQL major version an analysis with this configuration assumes. */
export function postgresVersionOf(config: EngineConfig | undefined): number {
  return config?.postgresVersion ?? DEFAULT_POSTGRES_VERSION;
}

/** A file as the host read it (host/workspace.ts): its text, or why it was not read. */
export type FileContent = Omit<MigrationInput, 'path'>;

export interface FolderInput {
  /** The migrations folder, spelled the way paths in the output should be. */
  folder: string;
  /** Its entries (files and directories; names only). */
  entries: DirectoryEntry[];
  /** Contents by file name: at least every file that discovery accepts (a Map will do). */
  files: { get(name: string): FileContent | undefined };
  config?: EngineConfig;
}

/**
 * Facts per path, reused while a file's text is unchanged (the language server keeps one). `extraction`:
 * the options they were extracted with (`extractionKey`); facts made under another search path or other
 * foreign-key patterns are not reused.
 */
export type FactsCache = Map<string, { text: string; facts: FileFacts; extraction: string }>;

/**
 * How every file of an analysis is read (its migrations, the files the CLI skips, a re-read for a rename
 * proof): the configured search path, foreign-key patterns and PostgreSQL version, in one place.
 */
export function extractOptionsOf(config: EngineConfig): Required<Pick<ExtractOptions, 'searchPath' | 'foreignKeyPatterns'>> & ExtractOptions {
  return { searchPath: config.searchPath ?? DEFAULT_SEARCH_PATH, foreignKeyPatterns: compilePatterns(config.foreignKeyPatterns), postgresVersion: config.postgresVersion };
}

/** What a file's facts depend on besides its text: the configured search path, foreign-key patterns and grammar. */
export function extractionKey(config: EngineConfig): string {
  return JSON.stringify([config.searchPath ?? DEFAULT_SEARCH_PATH, config.foreignKeyPatterns ?? null, grammarFor(postgresVersionOf(config))]);
}

export interface Analysis {
  folder: string;
  migrations: AnalyzedMigration[];
  skipped: SkippedFile[];
  discovery: DiscoveryResult;
  facts: FileFacts[];
  /** What is reported: every rule's findings, consequences of a failing migration folded into its error (consequences.ts). */
  findings: Finding[];
  /** Every rule's own findings, before folding (an incremental re-analysis keeps these per migration). */
  ruleFindings: Finding[];
  timeline: Timeline;
  graph: DependencyGraph;
  /** The folder's entries it was made from (a copy: a re-analysis compares them to skip discovery). */
  entries: DirectoryEntry[];
  /** Each migration's text, as analysed. */
  inputs: MigrationInput[];
  /** The configuration it ran with (a re-analysis with another one starts over). */
  config: EngineConfig;
  /** What the files the CLI skips would have created (see skippedCreations.ts). */
  skippedCreations: SkippedCreations;
  /** How this analysis was made: from scratch, or incrementally from the previous one (and which files). */
  incremental?: { files: string[]; scope: number };
  /**
   * A replay resumed after an edit that changed what migration `from` does, with the rules run again on
   * `scope` migrations only (see `rulesAfterReplay`).
   */
  replayed?: { from: number; scope: number };
}

export function joinPath(folder: string, name: string): string {
  if (!folder) return name;
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(sep) ? folder + name : folder + sep + name;
}

/**
 * Analyse a folder from scratch. With a cache, facts of unchanged files are reused and the timeline keeps
 * the history that `reanalyzeFolder` needs (the caller is going to re-analyse after edits).
 */
export function analyzeFolder(
  input: FolderInput,
  cache?: FactsCache,
  onProgress?: (done: number, total: number) => void,
  replay?: ReplayStart,
  /** The analysis a replay follows (same migrations): its graph's edges are kept where the references are. */
  prev?: Analysis,
  /** A replay after `reanalyzeFolder` compared every file: the inputs it found and their facts (in the cache). */
  known?: { inputs: MigrationInput[]; facts: FileFacts[] },
): Analysis {
  const config = input.config ?? {};
  const discovery = prev && sameEntries(prev.entries, input.entries) ? prev.discovery : discoverMigrations(input.entries);
  const pathOf = (name: string) => joinPath(input.folder, name);
  // a replay of the same migrations: what reanalyzeFolder found is reused as it is
  const reuse = prev && known && discovery === prev.discovery ? { migrations: prev.migrations, ...known } : undefined;
  const migrations: AnalyzedMigration[] = reuse?.migrations ?? discovery.migrations.map((m) => ({ path: pathOf(m.name), name: m.name, version: m.version }));
  const options = extractOptionsOf(config);
  const inputs = reuse?.inputs ?? inputsOf(input, migrations);
  const extraction = extractionKey(config);
  const facts = reuse?.facts ?? inputs.map((inp, i) => {
    onProgress?.(i, inputs.length);
    const cached = cache?.get(inp.path);
    if (cached && cached.text === inp.text && cached.extraction === extraction) return cached.facts;
    const f = extractFacts(sanitize(inp.text), options);
    cache?.set(inp.path, { text: inp.text, facts: f, extraction });
    return f;
  });
  if (cache && cache.size > inputs.length) {
    const live = new Set(inputs.map((i) => i.path));
    for (const k of [...cache.keys()]) if (k.startsWith(input.folder) && !live.has(k)) cache.delete(k);
  }
  const timeline = buildTimeline(
    migrations.map((m, i) => ({ path: m.path, facts: facts[i] })),
    !!cache,
    // An analysis that is going to be re-analysed (it has a cache) keeps the state before the last migration,
    // the one people edit: typing a CREATE there resumes from it at once. (Cheap: the snapshot is the replay's
    // own state, shared copy-on-write.) An edit that changes what another migration does takes one there.
    replay ?? (cache && migrations.length ? { snapshotAt: migrations.length - 1 } : undefined),
    undefined,
    postgresVersionOf(config),
  );
  // a replay resumed from the snapshot the previous one resumed from: only what either changed can differ
  const change = prev && replay ? replayChange(prev, timeline) : undefined;
  const graph = buildGraph(
    graphNodes(migrations),
    timeline,
    prev && { graph: prev.graph, timeline: prev.timeline, changedKeys: change?.changedKeys },
  );
  const skipped = skippedCreations(discovery, input.files, options, prev?.skippedCreations);
  const ctx: RuleContext = { migrations, facts, timeline, discovery, graph, inputs, pathOf, foreignKeyPatterns: options.foreignKeyPatterns, skippedCreations: skipped, baseline: config.baseline };
  const entries = copyEntries(input.entries);
  const scoped = prev && change ? rulesAfterReplay(ctx, config, prev, change) : undefined;
  const ruleFindings = scoped ? scoped.findings : runRules(ctx, config);
  const findings = foldConsequences(ruleFindings, orderOf(migrations));
  const replayed = scoped && change ? { from: change.from, scope: scoped.scope } : undefined;
  return { folder: input.folder, migrations, skipped: discovery.skipped, discovery, facts, findings, ruleFindings, timeline, graph, config, entries, inputs, replayed, skippedCreations: skipped };
}

/**
 * A one-off analysis for a command-line check: the same findings and dependency graph as `analyzeFolder`,
 * reading each file when the replay gets to it and keeping, once it is replayed, only what the rules and
 * the graph read (buildTimeline's `TimelineStream`). No file's text is kept (`inputs` hold an empty text,
 * except a file with invalid UTF-8 or NUL bytes, for its finding; `lineText` of a line index answers ''),
 * nor the references that resolved (but one per object of another migration, for the graph): a large
 * folder then costs the objects its migrations create, not its SQL. Not for editor features or
 * `reanalyzeFolder`.
 */
export function checkFolder(input: FolderInput, onProgress?: (done: number, total: number) => void): Analysis {
  const config = input.config ?? {};
  const discovery = discoverMigrations(input.entries);
  const migrations: AnalyzedMigration[] = discovery.migrations.map((m) => ({ path: joinPath(input.folder, m.name), name: m.name, version: m.version }));
  const options = extractOptionsOf(config);
  const inputs: MigrationInput[] = [];
  const timeline = buildTimeline(
    migrations.map((m) => ({ path: m.path, facts: NO_FACTS })),
    false,
    undefined,
    {
      load(i) {
        onProgress?.(i, migrations.length);
        const m = migrations[i];
        const c = input.files.get(m.name);
        const text = c?.text ?? '';
        const facts = extractFacts(sanitize(text), options);
        facts.lineIndex.releaseText();
        const keep = c?.invalidUtf8At !== undefined || text.includes('\u0000');
        inputs[i] = { path: m.path, text: keep ? text : '', invalidUtf8At: c?.invalidUtf8At, unread: c?.unread };
        return facts;
      },
    },
    postgresVersionOf(config),
  );
  const facts = timeline.files.map((f) => f.facts);
  const graph = buildGraph(graphNodes(migrations), timeline);
  let whole: FileFacts[] | undefined;
  // (only when a rule asks: a rename the dependency graph blocks is proven by replaying the folder reordered)
  const wholeFacts = () => (whole ??= migrations.map((m) => extractFacts(sanitize(input.files.get(m.name)?.text ?? ''), options)));
  const skipped = skippedCreations(discovery, input.files, options);
  // (the team-workflow rules compare some files' texts with the base's: read again, only those)
  const textOf = (i: number) => inputs[i]?.text || input.files.get(migrations[i].name)?.text || '';
  const ctx: RuleContext = { migrations, facts, timeline, discovery, graph, inputs, pathOf: (name) => joinPath(input.folder, name), foreignKeyPatterns: options.foreignKeyPatterns, wholeFacts, skippedCreations: skipped, baseline: config.baseline, textOf };
  const ruleFindings = runRules(ctx, config);
  const findings = foldConsequences(ruleFindings, orderOf(migrations));
  return { folder: input.folder, migrations, skipped: discovery.skipped, discovery, facts, findings, ruleFindings, timeline, graph, config, entries: copyEntries(input.entries), inputs, skippedCreations: skipped };
}

function graphNodes(migrations: AnalyzedMigration[]): GraphNode[] {
  return migrations.map((m, i) => ({ index: i, file: m.path, name: m.name, version: m.version }));
}

/** A placeholder until a streamed replay loads the file. */
const NO_FACTS: FileFacts = Object.freeze({ statements: [], syntaxErrors: [], directives: [], lineIndex: new LineIndex(new Uint8Array(0), '') }) as FileFacts;

function inputsOf(input: FolderInput, migrations: AnalyzedMigration[]): MigrationInput[] {
  return migrations.map((m) => {
    const c = input.files.get(m.name);
    return { path: m.path, text: c?.text ?? '', invalidUtf8At: c?.invalidUtf8At, unread: c?.unread };
  });
}

/** The analysis's own copy of the caller's entries (which the caller may change later). */
export function copyEntries(entries: DirectoryEntry[]): DirectoryEntry[] {
  return entries.map((e) => ({ name: e.name, isDirectory: e.isDirectory }));
}

/** Every enabled rule over `ctx`, severities from the configuration, suppressions applied, sorted. */
export function runRules(ctx: RuleContext, config: EngineConfig): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const level = config.rules?.[rule.code];
    if (level === 'off') continue;
    for (const f of rule.run(ctx)) {
      if (level) f.severity = level;
      findings.push(f);
    }
  }
  const order = orderOf(ctx.migrations);
  const kept = findings.filter((f) => !suppressed(f, ctx.facts[order.get(f.file) ?? -1]));
  return sortFindings(kept, order);
}

/** Migration index by path (one map per migrations list: re-analyses share the list). */
export function orderOf(migrations: AnalyzedMigration[]): Map<string, number> {
  let m = orders.get(migrations);
  if (!m) {
    m = new Map(migrations.map((x, i) => [x.path, i]));
    orders.set(migrations, m);
  }
  return m;
}
const orders = new WeakMap<AnalyzedMigration[], Map<string, number>>();

/** Apply order, then position in the file (ties broken on everything shown, so the order is stable). */
export function sortFindings(findings: Finding[], order: Map<string, number>): Finding[] {
  return findings.sort(
    (a, b) =>
      (order.get(a.file) ?? -1) - (order.get(b.file) ?? -1) ||
      a.file.localeCompare(b.file) ||
      a.range.startByte - b.range.startByte ||
      a.code.localeCompare(b.code) ||
      a.range.endByte - b.range.endByte ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

/** NUL bytes would end the parser's C string early: blank them (the invalid-encoding rule reports them). */
export function sanitize(text: string): string {
  return text.includes('\u0000') ? text.replace(/\u0000/g, ' ') : text;
}

export function compilePatterns(patterns: string[] | undefined): RegExp[] {
  const src = patterns && patterns.length ? patterns : ['^(.+)_id$'];
  const out: RegExp[] = [];
  for (const p of src) {
    try {
      out.push(new RegExp(p));
    } catch {
      // an invalid pattern in the config is ignored (config loading reports it)
    }
  }
  return out;
}

function suppressed(f: Finding, facts: FileFacts | undefined): boolean {
  if (!facts || !facts.directives.length) return false;
  const line = f.range.start.line;
  return facts.directives.some((d) => (d.line === 'file' || d.line === line) && (d.codes.length === 0 || d.codes.includes(f.code)));
}
