/**
 * Analysing a folder again after edits (`reanalyzeFolder`, re-exported by analyze.ts): the same result as a
 * fresh `analyzeFolder`, reusing the previous analysis where the edits allow. An edit that changes only what
 * files use re-resolves those files; one that changes what a file does replays from a snapshot
 * (`replayFrom`); anything else starts over.
 */
import { analyzeFolder, copyEntries, extractionKey, extractOptionsOf, joinPath, orderOf, sanitize } from '../analyze';
import type { Analysis, FactsCache, FolderInput } from '../analyze';
import { discoverMigrations, DiscoveryResult } from '../discover';
import { extractFacts, FileFacts } from '../facts';
import { edgeRunFrom, updateGraph, type DependencyGraph } from '../graph';
import type { RuleContext } from '../rules/rule';
import type { DirectoryEntry, MigrationInput, UnreadFile } from '../types';
import { effectSignature, rebaseFacts } from './rebase';
import { foldConsequences } from '../consequences';
import { skippedCreations } from '../skippedCreations';
import { planReadsFolder } from '../rules/forwardReference';
import { rulesInScope } from './replayScope';

/**
 * Analyse a folder again after edits, reusing `prev` where the edits allow: when the same migrations are
 * there and every changed file still creates, alters and drops the same things (typing in a query, a
 * policy, a function body, comments, whitespace), only the changed files' references are resolved again,
 * only their graph edges rebuilt, and only findings that can depend on them recomputed. Anything else
 * (a new table, a renamed file, another configuration) is a full `analyzeFolder`. Same result either way;
 * the test suite checks that on random edits.
 */
export function reanalyzeFolder(prev: Analysis | undefined, input: FolderInput, cache: FactsCache): Analysis {
  const config = input.config ?? {};
  if (!prev || prev.folder !== input.folder || prev.config !== config) return analyzeFolder(input, cache);
  // Typing changes no entry: the discovery (a sort of every name) is reused when the entries are the same.
  let entries = prev.entries;
  if (!sameEntries(prev.entries, input.entries)) {
    if (!sameDiscovery(prev.discovery, discoverMigrations(input.entries))) return analyzeFolder(input, cache);
    entries = copyEntries(input.entries);
  }
  const migrations = prev.migrations;
  // a file the CLI skips changed: what it would have created, hence the unknown references' messages, differ
  const skipped = skippedCreations(prev.discovery, input.files, extractOptionsOf(config), prev.skippedCreations);
  if (skipped !== prev.skippedCreations) return analyzeFolder(input, cache);
  // Changed files: their text is not the one the cache holds facts for. The cache must still hold
  // `prev`'s facts: an incremental step changes `prev`'s facts and timeline in place, so re-analysing an
  // older result (one that was re-analysed since) starts over.
  const changed: number[] = [];
  let inputs = prev.inputs;
  for (let i = 0; i < migrations.length; i++) {
    const was = prev.inputs[i];
    const cached = cache.get(was.path);
    if (!cached || cached.facts !== prev.facts[i]) return analyzeFolder(input, cache);
    const c = input.files.get(migrations[i].name);
    // a file that became unreadable, or readable again (rare): what later files may use changes, start over
    if (!sameUnread(c?.unread, was.unread)) return analyzeFolder(input, cache);
    const text = c?.text ?? '';
    if (text !== was.text || c?.invalidUtf8At !== was.invalidUtf8At) {
      if (inputs === prev.inputs) inputs = prev.inputs.slice();
      inputs[i] = { path: was.path, text, invalidUtf8At: c?.invalidUtf8At, unread: c?.unread };
    }
    // the same text with other bytes behind it (an editor buffer closed over a file that is not UTF-8):
    // its invalid-encoding finding changes
    if (cached.text !== text || c?.invalidUtf8At !== was.invalidUtf8At) changed.push(i);
  }
  if (!changed.length) return entries === prev.entries ? prev : { ...prev, entries, incremental: undefined, replayed: undefined };
  // Past a handful of files (a branch switch, a search-and-replace) a full analysis is as fast.
  if (changed.length > 16) return analyzeFolder(input, cache);
  const options = extractOptionsOf(config);
  const extraction = extractionKey(config);
  let sameEffects = true;
  for (const i of changed) {
    const inp = inputs[i];
    const next = extractFacts(sanitize(inp.text), options);
    const old = prev.facts[i];
    if (sameEffects && effectSignature(old) === effectSignature(next) && rebaseFacts(old, next)) {
      cache.set(inp.path, { text: inp.text, facts: old, extraction });
    } else {
      sameEffects = false;
      cache.set(inp.path, { text: inp.text, facts: next, extraction });
    }
  }
  if (!sameEffects) {
    const facts = prev.facts.slice();
    for (const i of changed) facts[i] = cache.get(inputs[i].path)!.facts;
    return replayFrom(prev, input, cache, changed, { inputs, facts });
  }

  const changedSet = new Set(changed);
  const timeline = prev.timeline;
  for (const i of changed) timeline.reresolve(i);
  const graph = updateGraph(prev.graph, timeline, changedSet);
  // Findings that can differ: in the changed files; ones that mention a changed file (line numbers in
  // messages); forward references of files whose dependents changed, and of later files with a rename plan
  // (their rename plans).
  const scope = new Set(changed);
  const changedPaths = new Set(changed.map((i) => migrations[i].path));
  const indexOf = orderOf(migrations);
  // rename plans are computed together, each reserving its version for the files after it: when what a changed
  // file needs at apply time changed (its plan, or whether it has one), every later plan can move
  const plansMove = changed.some((fi) => !sameApplyEdges(prev.graph, graph, fi));
  const firstChanged = Math.min(...changed);
  for (const f of prev.ruleFindings) {
    if (f.related.some((r) => changedPaths.has(r.file)) || (plansMove && f.rename && (indexOf.get(f.file) ?? -1) > firstChanged) || planReadsFolder(f.rename)) {
      const fi = indexOf.get(f.file);
      if (fi !== undefined) scope.add(fi);
    }
  }
  for (const g of [prev.graph, graph])
    for (const fi of changed) {
      const [lo, hi] = edgeRunFrom(g, fi);
      for (let j = lo; j < hi; j++) scope.add(g.edges[j].to);
    }
  const facts = prev.facts;
  const pathOf = (name: string) => joinPath(input.folder, name);
  const ctx: RuleContext = { migrations, facts, timeline, discovery: prev.discovery, graph, inputs, pathOf, foreignKeyPatterns: options.foreignKeyPatterns, skippedCreations: prev.skippedCreations, baseline: config.baseline };
  const ruleFindings = rulesInScope(ctx, config, prev.ruleFindings, scope);
  return {
    ...prev,
    findings: foldConsequences(ruleFindings, indexOf),
    ruleFindings,
    graph,
    entries,
    inputs,
    incremental: { files: changed.map((i) => migrations[i].path), scope: scope.size },
    replayed: undefined,
  };
}

/**
 * Files whose effects changed: the timeline is replayed again. When one file changed and the previous
 * timeline kept a snapshot of the state just before it (it does for the file last changed this way), the
 * replay starts there; otherwise from the start, keeping a snapshot before that file for the next edit
 * (someone typing a CREATE TABLE changes its effects on every keystroke).
 */
function replayFrom(prev: Analysis, input: FolderInput, cache: FactsCache, changed: number[], known: { inputs: MigrationInput[]; facts: FileFacts[] }): Analysis {
  const k = Math.min(...changed);
  const snap = prev.timeline.snapshot;
  const previous = prev.timeline.refs;
  const resume = changed.length === 1 && snap && snap.file === k ? { snapshot: snap, previous } : { snapshotAt: k, previous };
  return analyzeFolder(input, cache, undefined, resume, prev, known);
}

/** Whether two folder listings are the same, in order (then the previous discovery is reused). */
export function sameEntries(a: DirectoryEntry[], b: DirectoryEntry[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].name !== b[i].name || a[i].isDirectory !== b[i].isDirectory) return false;
  return true;
}

/** Whether two discoveries find the same migrations and skip the same entries for the same reasons. */
function sameDiscovery(a: DiscoveryResult, b: DiscoveryResult): boolean {
  if (a.migrations.length !== b.migrations.length || a.skipped.length !== b.skipped.length) return false;
  // everything else in a discovery result follows from these names (and the skip reasons)
  for (let i = 0; i < a.migrations.length; i++) if (a.migrations[i].name !== b.migrations[i].name) return false;
  for (let i = 0; i < a.skipped.length; i++) {
    const x = a.skipped[i];
    const y = b.skipped[i];
    if (x.name !== y.name || x.reason !== y.reason || x.isDirectory !== y.isDirectory) return false;
  }
  return true;
}

function sameUnread(a: UnreadFile | undefined, b: UnreadFile | undefined): boolean {
  return a === b || (!!a && !!b && a.reason === b.reason && a.tooLarge === b.tooLarge);
}

/** Whether migration `fi` needs the same migrations at apply time in both graphs (its edges outside function bodies). */
function sameApplyEdges(a: DependencyGraph, b: DependencyGraph, fi: number): boolean {
  const [alo, ahi] = edgeRunFrom(a, fi);
  const [blo, bhi] = edgeRunFrom(b, fi);
  let i = alo;
  let j = blo;
  for (;;) {
    while (i < ahi && a.edges[i].deferred) i++;
    while (j < bhi && b.edges[j].deferred) j++;
    if (i === ahi || j === bhi) return i === ahi && j === bhi;
    if (a.edges[i].to !== b.edges[j].to) return false;
    i++;
    j++;
  }
}
