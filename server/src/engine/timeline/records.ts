/**
 * A record's life in the replay: defined by the statement that creates it (with a new history), and
 * gone (its history ended) when dropped, alone or with what it belongs to: a table's triggers, policies,
 * indexes, owned sequences and partitions, and theirs (`dropChildren`), a schema's objects, an
 * extension's.
 */
import type { StatementFacts } from '../facts';
import type { ObjectRecord, Point } from '../objects';
import type { SourceRange } from '../positions';
import { isTable, newHistory } from './histories';
import type { Replay } from './replay';
import { childrenOf, own, ownHistory } from './snapshots';
import type { Gone, ObjectHistory } from './types';

/** `rec` created at `point`: its definition, and a new history. */
export function define(r: Replay, rec: ObjectRecord, point: Point, file: string, range: SourceRange, st: StatementFacts): ObjectHistory {
  rec.def = { point, file, range, statement: st.range };
  if (r.state.live.get(rec.key) === rec) r.logKey(rec.key); // the creator is part of what the key names from here
  // (create() records the first column version once the statement's foreign keys are known)
  return addHistory(r, rec);
}

/** A new history for `rec`, registered (and listed among the tables' if it is one). */
export function addHistory(r: Replay, rec: ObjectRecord): ObjectHistory {
  const { histories, tableSlots, historyOf } = r.state;
  const h = newHistory(rec);
  if (isTable(rec)) tableSlots.push(histories.length);
  histories.push(h);
  historyOf.set(rec, h);
  return h;
}

/** `rec` (live) is dropped at `gone`, alone. */
export function dropRecord(r: Replay, rec: ObjectRecord, gone: Gone): void {
  r.remove(rec.key);
  r.setGone(rec.key, gone);
  endHistory(r, rec, gone, false);
}

/**
 * What goes with dropped relation `key`: its triggers, policies, indexes, owned sequences and partitions,
 * and, for a partition, what goes with it.
 */
export function dropChildren(r: Replay, gone: Gone, key: string): void {
  const children = childrenOf(r, key);
  dropWith(r, gone, (c) => c.parent === key, children);
  for (const [k, c] of children) if (c.ns === 'relation' && c.kind !== 'index' && c.kind !== 'sequence') dropChildren(r, gone, k);
}

/** What goes with a dropped object (`pred`): live objects among `candidates` (default: all), and base ones. */
export function dropWith(r: Replay, gone: Gone, pred: (c: ObjectRecord) => boolean, candidates?: [string, ObjectRecord][]): void {
  const { live, deletedBase } = r.state;
  for (const [k, c] of candidates ?? [...live])
    if (pred(c)) {
      r.remove(k);
      r.setGone(k, gone);
      // its history ends here too (a table dropped with its schema has no columns left to check)
      endHistory(r, c, gone, true);
    }
  for (const [k, c] of r.base)
    if (!deletedBase.has(k) && !live.has(k) && pred(c)) {
      deletedBase.add(k);
      r.logKey(k);
    }
}

/**
 * `rec`'s history ends at `gone` (a snapshot's history is copied in its place first); with `keepEnded`, a
 * history that already ended keeps its end.
 */
export function endHistory(r: Replay, rec: ObjectRecord, gone: Gone, keepEnded: boolean): void {
  const h = r.state.historyOf.get(rec);
  if (!h || (keepEnded && h.gone)) return;
  (r.state.frozen?.has(rec) ? ownHistory(r, rec, rec)! : h).gone = gone;
}

const isView = (c: ObjectRecord) => c.kind === 'view' || c.kind === 'materialized view';

/**
 * After the references of statement `st` (at `point`) are resolved: what the views and functions it made
 * use (`uses`; a function's overloads add theirs).
 */
export function recordUses(r: Replay, st: StatementFacts, point: Point): void {
  const defs = r.defs[point.file];
  let uses: string[] | undefined;
  for (let i = defs.length - 1; i >= 0 && defs[i].point === point; i--) {
    const rec = r.get(defs[i].key);
    if (!rec || !(isView(rec) ? rec.def?.point === point : rec.ns === 'function')) continue;
    if (!uses) {
      uses = [];
      for (let j = 0; j < st.refs.length; j++) {
        const k = r.keyOf(j);
        if (k && !uses.includes(k)) uses.push(k);
      }
    }
    const mine = uses.filter((k) => k !== rec.key);
    own(r, rec).uses = isView(rec) || !rec.uses ? mine : [...new Set([...rec.uses, ...mine])];
  }
}

/**
 * The views and materialized views migrations made whose query uses one of `keys` (`uses`), and the views
 * on those in turn: what DROP … CASCADE of `keys` takes with it.
 */
export function viewsUsing(r: Replay, keys: Iterable<string>): ObjectRecord[] {
  const used = new Set(keys);
  const out: ObjectRecord[] = [];
  for (let grew = true; grew; ) {
    grew = false;
    for (const [k, c] of r.state.live) {
      if (used.has(k) || !isView(c) || !c.uses?.some((u) => used.has(u))) continue;
      used.add(k);
      out.push(c);
      grew = true;
    }
  }
  return out;
}

/**
 * A DROP … CASCADE that may take what uses `keys` with it, which is not known for certain (a dropped column
 * a view may not use, a function's string body, which Postgres does not track): from here on the functions
 * that use them (and, with `views`, the views) may be gone (`mayBeDropped`).
 */
export function markUsing(r: Replay, keys: string[], views: boolean): void {
  const used = new Set(keys);
  if (views)
    for (const v of viewsUsing(r, keys)) {
      used.add(v.key);
      own(r, v).mayBeDropped = true;
    }
  for (const [k, c] of r.state.live) if (c.ns === 'function' && !used.has(k) && c.uses?.some((u) => used.has(u))) own(r, c).mayBeDropped = true;
}
