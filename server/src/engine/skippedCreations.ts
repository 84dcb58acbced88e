/**
 * What the files the Supabase CLI skips (a bad name: `20250101-init.sql`, `x.SQL`, a first old `_init.sql`)
 * would have created: never applied, so a migration that uses one of their objects fails, and the finding
 * says which file to rename. Read from the facts of each skipped file the host gave the text of.
 */
import type { DiscoveryResult } from './discover';
import { extractFacts, type ExtractOptions } from './facts';
import type { SourceRange } from './positions';
import { createdKeysOf } from './timeline';

export interface SkippedCreator {
  /** The skipped file's name. */
  name: string;
  /** The statement that creates the object in it. */
  range: SourceRange;
}

export interface SkippedCreations {
  /** Object key → the first skipped file (in name order) that creates it. */
  byKey: Map<string, SkippedCreator>;
  /** The texts they were read from, by file name (an edit of a skipped file reads it again). */
  texts: Map<string, string>;
}

/**
 * The objects skipped files create. `prev`: an earlier result for the same folder, reused when every
 * skipped file's text is the same.
 */
export function skippedCreations(
  discovery: DiscoveryResult,
  files: { get(name: string): { text: string; unread?: unknown } | undefined },
  options: ExtractOptions,
  prev?: SkippedCreations,
): SkippedCreations {
  const texts = new Map<string, string>();
  for (const s of discovery.skipped) {
    if (s.isDirectory) continue;
    const c = files.get(s.name);
    if (c && !c.unread && c.text) texts.set(s.name, c.text);
  }
  if (prev && sameTexts(prev.texts, texts)) return prev;
  const byKey = new Map<string, SkippedCreator>();
  for (const [name, text] of texts) {
    const facts = extractFacts(text.replace(/\u0000/g, ' '), options);
    for (const { key, stmt } of createdKeysOf(facts)) if (!byKey.has(key)) byKey.set(key, { name, range: facts.statements[stmt].range });
  }
  return { byKey, texts };
}

function sameTexts(a: Map<string, string>, b: Map<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}
