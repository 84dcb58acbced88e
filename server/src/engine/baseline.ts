/**
 * The team-workflow comparison: the migrations folder against a `Baseline` — the migrations that the base
 * already has (the default branch a pull request merges into, or the versions production applied). Pure:
 * the host makes the baseline (host/git.ts from a git ref, host/appliedList.ts from `supabase migration
 * list` output) and passes it in `EngineConfig.baseline`; the rules out-of-order, edited-applied,
 * removed-applied and renamed-applied read one `BaselineComparison` of the folder.
 *
 * Matching is the Supabase CLI's: a migration is applied when its VERSION is in the history
 * (`supabase_migrations.schema_migrations` holds versions, and `db push` compares them as strings), so a
 * file is "new on this branch" when its version is not the base's. Content: two texts are the same migration
 * when Postgres' scanner reads the same tokens from them — white space and comments outside string
 * constants are ignored (a re-indented or re-commented applied migration changes nothing the database ran;
 * a comment inside a function body is part of the body's string and counts).
 */
import { scanSql, type Token } from './parser';
import type { AnalyzedMigration, RuleContext } from './rules/rule';
import { chunks } from './split';

/** The migrations a base already has: what a branch's folder is compared with. */
export interface Baseline {
  /** Names the base in messages: `origin/main@abc1234`, `applied list applied.txt`. */
  label: string;
  /** Its migrations, in any order. */
  migrations: BaselineMigration[];
}

/** One migration of the base. */
export interface BaselineMigration {
  /** Its version (the digits before the first `_`). */
  version: string;
  /** Its file name at the base; undefined when only the version is known (an applied list). */
  name?: string;
  /**
   * Its text at the base, when known. A host that found the content identical to the folder's file of the
   * same name (git: the same blob id) may leave it out and set `unchanged`.
   */
  text?: string;
  /** The host compared its content with the folder's file of the same name and found it identical. */
  unchanged?: boolean;
  /** The name git's rename detection (similar content) gives it in the folder now, if any. */
  renamedTo?: string;
  /**
   * The base got it after this branch forked (it is not at their merge-base): its absence from the folder is
   * the branch not being up to date, not a removal. Still the base's, for out-of-order.
   */
  notOnBranch?: boolean;
}

/** A base migration found under another name in the folder. */
export interface RenamedMigration {
  base: BaselineMigration;
  /** Index of the folder's migration that it is now. */
  to: number;
  /** How it was matched: identical content, the same version, or git's rename detection (similar content). */
  how: 'content' | 'version' | 'git';
}

/** What differs between the folder and its baseline. */
export interface BaselineComparison {
  baseline: Baseline;
  /** The base's newest migration (lexically greatest version), if it has any. */
  newest?: { version: string; name?: string };
  /** Indices of the folder's migrations whose version the base does not have (new on this branch). */
  added: number[];
  /** Of those, the ones whose version sorts before the base's newest (and that are no rename of a base migration). */
  outOfOrder: number[];
  /** Base migrations whose file is in the folder under the same name with other content (text known). */
  edited: { base: BaselineMigration; index: number }[];
  renamed: RenamedMigration[];
  /** Base migrations with no file in the folder (neither by name, nor by version, nor renamed). */
  removed: BaselineMigration[];
}

/** What the comparison reads of the folder. */
export interface FolderView {
  migrations: readonly AnalyzedMigration[];
  /** The text of migration `i` (read again when the analysis kept none). */
  textOf(i: number): string;
}

/** Compare the folder with the baseline (see the module comment for what counts as the same). */
export function compareWithBaseline(folder: FolderView, baseline: Baseline): BaselineComparison {
  const { migrations } = folder;
  const byName = new Map<string, number>();
  const byVersion = new Map<string, number[]>();
  migrations.forEach((m, i) => {
    byName.set(m.name, i);
    const list = byVersion.get(m.version);
    if (list) list.push(i);
    else byVersion.set(m.version, [i]);
  });
  const baseVersions = new Set(baseline.migrations.map((b) => b.version));
  const baseNames = new Set(baseline.migrations.flatMap((b) => (b.name ? [b.name] : [])));
  let newest: BaselineComparison['newest'];
  for (const b of baseline.migrations) if (!newest || b.version > newest.version || (b.version === newest.version && b.name && (!newest.name || b.name > newest.name))) newest = { version: b.version, name: b.name };
  const added = migrations.map((_, i) => i).filter((i) => !baseVersions.has(migrations[i].version) && !baseNames.has(migrations[i].name));
  const edited: BaselineComparison['edited'] = [];
  const renamed: RenamedMigration[] = [];
  const removed: BaselineMigration[] = [];
  const renameTargets = new Set<number>();
  const keys = new Map<number, string>();
  const keyOf = (i: number) => {
    let k = keys.get(i);
    if (k === undefined) keys.set(i, (k = contentKey(folder.textOf(i))));
    return k;
  };
  // candidates for a rename by content: files this branch added (by name) — computed only when a base file is gone
  let newFiles: number[] | undefined;
  for (const b of baseline.migrations) {
    if (b.name !== undefined && byName.has(b.name)) {
      const i = byName.get(b.name)!;
      // (the same text needs no scan: an editor passes every base text, and most files are unchanged)
      if (!b.unchanged && b.text !== undefined && b.text !== folder.textOf(i) && contentKey(b.text) !== keyOf(i)) edited.push({ base: b, index: i });
      continue;
    }
    if (b.notOnBranch) continue;
    if (b.name === undefined) {
      // an applied list: a version with no file at all
      if (!byVersion.has(b.version)) removed.push(b);
      continue;
    }
    // identical content first (the surest), then the same version, then git's pairing of similar files
    if (b.text !== undefined) {
      newFiles ??= migrations.map((_, i) => i).filter((i) => !baseNames.has(migrations[i].name));
      const key = contentKey(b.text);
      const same = newFiles.find((i) => !renameTargets.has(i) && keyOf(i) === key);
      if (same !== undefined) {
        renamed.push({ base: b, to: same, how: 'content' });
        renameTargets.add(same);
        continue;
      }
    }
    const sameVersion = (byVersion.get(b.version) ?? []).find((i) => !baseNames.has(migrations[i].name) && !renameTargets.has(i));
    if (sameVersion !== undefined) {
      renamed.push({ base: b, to: sameVersion, how: 'version' });
      renameTargets.add(sameVersion);
      continue;
    }
    const git = b.renamedTo !== undefined ? byName.get(b.renamedTo) : undefined;
    if (git !== undefined && !baseNames.has(b.renamedTo!) && !renameTargets.has(git)) {
      renamed.push({ base: b, to: git, how: 'git' });
      renameTargets.add(git);
      continue;
    }
    removed.push(b);
  }
  const outOfOrder = newest ? added.filter((i) => migrations[i].version < newest!.version && !renameTargets.has(i)) : [];
  return { baseline, newest, added, outOfOrder, edited, renamed, removed };
}

/** The base's newest migration as messages name it: its file name, else `version <v>`. */
export function newestLabel(c: BaselineComparison): string {
  return c.newest?.name ?? `version ${c.newest?.version}`;
}

/** One statement of a text: where it is, and what it says (its tokens without white space and comments). */
export interface StatementText {
  /** Byte range (first token to the semicolon). */
  start: number;
  end: number;
  key: string;
}

/** The statements of a text, cut by Postgres' scanner; undefined when it cannot scan it (an unterminated literal). */
export function statementsOf(text: string): StatementText[] | undefined {
  let tokens: Token[];
  try {
    tokens = scanSql(text);
  } catch {
    return undefined;
  }
  const out: StatementText[] = [];
  for (const c of chunks(tokens)) {
    const words: string[] = [];
    for (let t = c.first; t <= c.last; t++) if (tokens[t].kind !== 'comment' && tokens[t].kind !== 'semicolon') words.push(tokens[t].text);
    if (words.length) out.push({ start: c.start, end: c.end, key: words.join(' ') });
  }
  return out;
}

/** What a text says, white space and comments aside (the text itself when the scanner refuses it). */
export function contentKey(text: string): string {
  const statements = statementsOf(text);
  return statements ? statements.map((s) => s.key).join(';\n') : text;
}

/**
 * The statements `after` adds to `before` when that is all the change is (every statement of `before` is in
 * `after`, in order): their ranges in `after`. Undefined when statements were changed or removed.
 */
export function addedStatements(before: string, after: string): StatementText[] | undefined {
  const a = statementsOf(before);
  const b = statementsOf(after);
  if (!a || !b) return undefined;
  const added: StatementText[] = [];
  let i = 0;
  for (const s of b) {
    if (i < a.length && a[i].key === s.key) i++;
    else added.push(s);
  }
  return i === a.length ? added : undefined;
}

/**
 * The comparison of an analysis's folder with its baseline, made once per analysis (the four rules share it;
 * a re-analysis has new inputs, so a new one). Undefined without a baseline.
 */
export function comparisonOf(ctx: RuleContext): BaselineComparison | undefined {
  const baseline = ctx.baseline;
  if (!baseline) return undefined;
  let byBaseline = comparisons.get(ctx.inputs);
  if (!byBaseline) comparisons.set(ctx.inputs, (byBaseline = new WeakMap()));
  let c = byBaseline.get(baseline);
  if (!c) {
    c = compareWithBaseline({ migrations: ctx.migrations, textOf: (i) => ctx.textOf?.(i) ?? ctx.inputs[i]?.text ?? '' }, baseline);
    byBaseline.set(baseline, c);
  }
  return c;
}
const comparisons = new WeakMap<object, WeakMap<Baseline, BaselineComparison>>();
