/**
 * Answering references again after a replay, from its event logs (what every key named when): one file's
 * references after an edit that changed only what the file uses (`Timeline.reresolve`), and, after a
 * resumed replay, the earlier files' uses of objects that a later migration creates.
 */
import type { RefFact } from '../facts';
import type { Point } from '../objects';
import { usedRefs } from '../incremental/rebase';
import type { Replay } from './replay';
import { resolve, unresolvedRefs } from './resolution';
import { orderOf } from './state';
import type { Resolution, ResolvedRef } from './types';

/** Resolve migration `fi`'s references again, as of their statements, and replace its list (see `Timeline.reresolve`). */
export function reresolve(r: Replay, fi: number): void {
  if (!r.state.keyLog) throw new Error('reresolve needs a timeline built with keepHistory');
  const stmts = r.files[fi].facts.statements;
  // References the file's effects use are the same objects as before (rebaseFacts keeps them) and were
  // resolved in the middle of their statement's creations: keep those answers, they cannot have changed.
  const kept = new Map<RefFact, Resolution>();
  for (const x of r.refs[fi]) kept.set(x.ref, x.resolution);
  const out: ResolvedRef[] = [];
  try {
    for (let si = 0; si < stmts.length; si++) {
      const s = stmts[si];
      if (!s.refs.length) continue;
      const p: Point = { file: fi, stmt: si };
      r.histAt = orderOf(fi, si, 1);
      for (const ref of s.refs) out.push({ ref, point: p, resolution: kept.get(ref) ?? resolve(r, ref, p) });
    }
  } finally {
    r.histAt = -1;
  }
  r.refs[fi] = out;
  if (r.snapshot && fi < r.snapshot.file) r.snapshot.refs[fi] = out;
}

/** Resolve again the references of files before the resumed one that depend on later files (not found). */
export function reresolveUnresolvedBefore(r: Replay, k: number): void {
  try {
    for (let fi = 0; fi < k; fi++) {
      const list = r.refs[fi];
      const pending = unresolvedRefs(list);
      if (!pending.length) continue;
      const again = new Map<ResolvedRef, ResolvedRef>();
      let usedIn = -1;
      let used: Set<RefFact> | undefined;
      for (const x of pending) {
        // A reference a CREATE uses (its table, a foreign key's target) was resolved during the
        // statement's creations, before the one it did not find (or it would have found it): ask the
        // state before the statement instead.
        if (usedIn !== x.point.stmt) {
          usedIn = x.point.stmt;
          const s = r.files[fi].facts.statements[usedIn];
          used = new Set(usedRefs(s.effects.filter((e) => e.type === 'create')).map((j) => s.refs[j]));
        }
        r.histAt = used!.has(x.ref) ? orderOf(fi, x.point.stmt, 0) - 1 : orderOf(fi, x.point.stmt, 1);
        again.set(x, { ref: x.ref, point: x.point, resolution: resolve(r, x.ref, x.point) });
      }
      r.refs[fi] = list.map((x) => again.get(x) ?? x);
    }
  } finally {
    r.histAt = -1;
  }
}
