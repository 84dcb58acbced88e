/**
 * The one entry point: a migrations folder in, everything the product shows out — migrations in apply
 * order, findings with fixes, the timeline, the dependency graph. Pure: the caller lists and reads files.
 */
import { discoverMigrations, DiscoveryResult, SkippedFile } from './discover';
import { DEFAULT_SEARCH_PATH, extractFacts, FileFacts } from './facts';
import { buildGraph, DependencyGraph } from './graph';
import type { AnalyzedMigration, RuleContext } from './rules/rule';
import { RULES } from './rules';
import { buildTimeline, Timeline } from './timeline';
import type { DirectoryEntry, Finding, MigrationInput, RuleCode, Severity } from './types';

export interface EngineConfig {
  /** Per rule: a severity, or "off". */
  rules?: Partial<Record<RuleCode, Severity | 'off'>>;
  /** Regexes for foreign-key-like column names; capture group 1 is the referenced table's base name. */
  foreignKeyPatterns?: string[];
  /** Search path migrations run with (Supabase: "$user", public, extensions). */
  searchPath?: string[];
}

export interface FileContent {
  text: string;
  invalidUtf8At?: number;
}

export interface FolderInput {
  /** The migrations folder, spelled the way paths in the output should be. */
  folder: string;
  /** Its entries (files and directories; names only). */
  entries: DirectoryEntry[];
  /** Contents by file name: at least every file that discovery accepts. */
  files: ReadonlyMap<string, FileContent>;
  config?: EngineConfig;
}

/** Facts per path, reused while a file's text is unchanged (the language server keeps one). */
export type FactsCache = Map<string, { text: string; facts: FileFacts }>;

export interface Analysis {
  folder: string;
  migrations: AnalyzedMigration[];
  skipped: SkippedFile[];
  discovery: DiscoveryResult;
  facts: FileFacts[];
  findings: Finding[];
  timeline: Timeline;
  graph: DependencyGraph;
}

export function joinPath(folder: string, name: string): string {
  if (!folder) return name;
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(sep) ? folder + name : folder + sep + name;
}

export function analyzeFolder(input: FolderInput, cache?: FactsCache, onProgress?: (done: number, total: number) => void): Analysis {
  const config = input.config ?? {};
  const discovery = discoverMigrations(input.entries);
  const pathOf = (name: string) => joinPath(input.folder, name);
  const migrations: AnalyzedMigration[] = discovery.migrations.map((m) => ({ path: pathOf(m.name), name: m.name, version: m.version }));
  const fkPatterns = compilePatterns(config.foreignKeyPatterns);
  const searchPath = config.searchPath ?? DEFAULT_SEARCH_PATH;
  const inputs: MigrationInput[] = migrations.map((m) => {
    const c = input.files.get(m.name);
    return { path: m.path, text: c?.text ?? '', invalidUtf8At: c?.invalidUtf8At };
  });
  const facts = inputs.map((inp, i) => {
    onProgress?.(i, inputs.length);
    const cached = cache?.get(inp.path);
    if (cached && cached.text === inp.text) return cached.facts;
    const f = extractFacts(sanitize(inp.text), { searchPath, foreignKeyPatterns: fkPatterns });
    cache?.set(inp.path, { text: inp.text, facts: f });
    return f;
  });
  if (cache && cache.size > inputs.length) {
    const live = new Set(inputs.map((i) => i.path));
    for (const k of [...cache.keys()]) if (k.startsWith(input.folder) && !live.has(k)) cache.delete(k);
  }
  const timeline = buildTimeline(migrations.map((m, i) => ({ path: m.path, facts: facts[i] })));
  const graph = buildGraph(
    migrations.map((m, i) => ({ index: i, file: m.path, name: m.name, version: m.version })),
    timeline,
  );
  const ctx: RuleContext = { migrations, facts, timeline, discovery, graph, inputs, pathOf, foreignKeyPatterns: fkPatterns };
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const level = config.rules?.[rule.code];
    if (level === 'off') continue;
    for (const f of rule.run(ctx)) {
      if (level) f.severity = level;
      findings.push(f);
    }
  }
  const order = new Map<string, number>();
  migrations.forEach((m, i) => order.set(m.path, i));
  const kept = findings.filter((f) => !suppressed(f, facts[order.get(f.file) ?? -1]));
  kept.sort(
    (a, b) =>
      (order.get(a.file) ?? -1) - (order.get(b.file) ?? -1) ||
      a.file.localeCompare(b.file) ||
      a.range.startByte - b.range.startByte ||
      a.code.localeCompare(b.code),
  );
  return { folder: input.folder, migrations, skipped: discovery.skipped, discovery, facts, findings: kept, timeline, graph };
}

/** NUL bytes would end the parser's C string early: blank them (the invalid-encoding rule reports them). */
function sanitize(text: string): string {
  return text.includes('\u0000') ? text.replace(/\u0000/g, ' ') : text;
}

function compilePatterns(patterns: string[] | undefined): RegExp[] {
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
