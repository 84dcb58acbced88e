/**
 * version-order: versions of different lengths sort differently as text (db reset) and as numbers. One
 * finding per misplaced migration (the fewest files whose moving makes the two orders agree), naming where
 * it runs in each order by its neighbours.
 */
import type { Finding } from '../types';
import { defineRule, FILE_START } from './rule';

export const versionOrder = defineRule('version-order', {
  run(ctx) {
    const mismatches = ctx.discovery.orderMismatches;
    if (!mismatches.length) return [];
    const lexical = ctx.discovery.migrations.map((m) => m.name);
    const numericIndex = lexical.map((_, i) => i);
    for (const m of mismatches) numericIndex[m.lexicalIndex] = m.numericIndex;
    const numeric: string[] = [];
    lexical.forEach((name, i) => (numeric[numericIndex[i]] = name));
    const usual = usualVersionLength(ctx.discovery.migrations.map((m) => m.version.length));
    const kept = keptInOrder(numericIndex, (i) => ctx.discovery.migrations[i].version.length === usual);
    const out: Finding[] = [];
    const keptNumeric: boolean[] = [];
    numericIndex.forEach((j, i) => (keptNumeric[j] = kept.has(i)));
    const keptLexical = lexical.map((_, i) => kept.has(i));
    lexical.forEach((name, i) => {
      if (kept.has(i)) return;
      const byNumber = neighbours(numeric, keptNumeric, numericIndex[i]);
      const related: Finding['related'] = [];
      if (byNumber.before) related.push({ file: ctx.pathOf(byNumber.before), range: FILE_START, message: `runs before ${name} in numeric version order` });
      if (byNumber.after) related.push({ file: ctx.pathOf(byNumber.after), range: FILE_START, message: `runs after ${name} in numeric version order` });
      out.push({
        code: 'version-order',
        severity: 'warning',
        file: ctx.pathOf(name),
        range: FILE_START,
        message: `${name} runs ${place(neighbours(lexical, keptLexical, i))} in file-name order (what \`supabase db reset\` uses) but ${place(byNumber)} in numeric version order (what newer Supabase tooling uses): versions of different lengths in one folder make the apply order depend on the tool. Use 14-digit versions throughout.`,
        related,
        fixes: [],
      });
    });
    return out;
  },
});

/** The nearest migrations in `order` around position `i` that are in their place in both orders. */
function neighbours(order: string[], kept: boolean[], i: number): { before?: string; after?: string } {
  let b = i - 1;
  while (b >= 0 && !kept[b]) b--;
  let a = i + 1;
  while (a < order.length && !kept[a]) a++;
  return { before: b >= 0 ? order[b] : undefined, after: a < order.length ? order[a] : undefined };
}

/** "between a and b", "after a", "before b". */
function place(n: { before?: string; after?: string }): string {
  if (n.before && n.after) return `between ${n.before} and ${n.after}`;
  if (n.after) return `before ${n.after}`;
  if (n.before) return `after ${n.before}`;
  return 'alone';
}

/** The most common version length (the longer one on a tie): files of other lengths are the ones to rename. */
function usualVersionLength(lengths: number[]): number {
  const counts = new Map<number, number>();
  for (const l of lengths) counts.set(l, (counts.get(l) ?? 0) + 1);
  let best = 0;
  let bestCount = -1;
  for (const [l, c] of counts) if (c > bestCount || (c === bestCount && l > best)) [best, bestCount] = [l, c];
  return best;
}

/**
 * The migrations (by file-name position) that keep their relative order in both orders: a longest
 * increasing run of their numeric positions, preferring (on equal length) migrations with the usual version
 * length. Every other one is misplaced. Quadratic, only for the folders whose orders differ.
 */
function keptInOrder(numericIndex: number[], usual: (i: number) => boolean): Set<number> {
  const n = numericIndex.length;
  // score: length first, then how many usual-length migrations the run keeps
  const len = new Array<number>(n).fill(1);
  const pref: number[] = numericIndex.map((_, i) => (usual(i) ? 1 : 0));
  const prev = new Array<number>(n).fill(-1);
  let end = -1;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < i; k++) {
      if (numericIndex[k] >= numericIndex[i]) continue;
      const l = len[k] + 1;
      const p = pref[k] + (usual(i) ? 1 : 0);
      if (l > len[i] || (l === len[i] && p > pref[i])) {
        len[i] = l;
        pref[i] = p;
        prev[i] = k;
      }
    }
    if (end < 0 || len[i] > len[end] || (len[i] === len[end] && pref[i] > pref[end])) end = i;
  }
  const kept = new Set<number>();
  for (let i = end; i >= 0; i = prev[i]) kept.add(i);
  return kept;
}
