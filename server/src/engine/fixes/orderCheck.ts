/**
 * Proving a re-stamping verdict by replaying the folder in the new order. The dependency graph says which
 * migration uses which one's objects in the current order; it cannot say whether a migration that
 * re-creates an object itself (`create or replace function`, `drop` + `create`, `if not exists`) still needs
 * the earlier creator once it runs first. So before "no rename helps" is said, the folder's facts are
 * replayed with the file moved: a position where its forward references are gone and no other error
 * appears is a rename that works. Pure: takes facts, replays them (timeline/), compares the errors.
 */
import type { CreateEffect, FileFacts, RefFact } from '../facts';
import { buildTimeline, unresolvedRefs, type Timeline } from '../timeline';

/**
 * What makes Postgres fail a migration at apply time, by the fact that states it (same facts, any order), or,
 * for what the replay finds missing or refused (a column, an enum label, a foreign key's key, a publication's
 * table), by where it is (`positionKey`).
 */
type ErrorFact = RefFact | CreateEffect | string;

export interface OrderErrors {
  /**
   * Every apply-time error of the replay: a use of what does not exist yet, or no more, or ever; a duplicate;
   * a column or an enum label missing.
   */
  all: Set<ErrorFact>;
  /** Per migration (by its index in the order replayed): its uses of what a later migration creates. */
  forward: RefFact[][];
  /** Where each is, for telling which one a move adds: file path and line (1-based). */
  where: Map<ErrorFact, { path: string; line: number }>;
  /** `DROP … IF EXISTS` / `ALTER … IF EXISTS` statements that find nothing (timeline `absentTargets`), by `positionKey`. */
  absent: Set<string>;
}

/** A place in a migration, the same in every order: its path and byte offset. */
export function positionKey(path: string, startByte: number): string {
  return `${path}\u0000${startByte}`;
}

/** Replay `files` (path and facts, in apply order) and list the errors a real apply would stop at. */
export function orderErrors(files: { path: string; facts: FileFacts }[]): OrderErrors {
  const t = buildTimeline(files.map((f) => ({ path: f.path, facts: f.facts })));
  return errorsOf(t);
}

function errorsOf(t: Timeline): OrderErrors {
  const all = new Set<ErrorFact>();
  const where = new Map<ErrorFact, { path: string; line: number }>();
  const forward: RefFact[][] = t.refs.map(() => []);
  const at = (fi: number, stmt: number) => ({ path: t.files[fi].path, line: (t.files[fi].facts.statements[stmt]?.range.start.line ?? 0) + 1 });
  t.refs.forEach((refs, fi) => {
    for (const r of unresolvedRefs(refs)) {
      const res = r.resolution;
      // uses inside function bodies are only checked when the function runs: not an apply-time error
      if (r.ref.deferred || (res.status === 'unknown' && res.opaque)) continue;
      all.add(r.ref);
      if (res.status === 'forward') forward[fi].push(r.ref);
      where.set(r.ref, at(fi, r.point.stmt));
    }
  });
  for (const c of t.conflicts) {
    all.add(c.effect);
    where.set(c.effect, at(c.point.file, c.point.stmt));
  }
  // (a foreign key's key, a publication's table: the replay's other certain apply-time errors)
  for (const m of [...t.columnMisses, ...t.enumLabelMisses, ...t.keyMisses, ...t.publicationMisses]) {
    const k = positionKey(t.files[m.point.file].path, m.range.startByte);
    all.add(k);
    where.set(k, at(m.point.file, m.point.stmt));
  }
  const absent = new Set(t.absentTargets.map((a) => positionKey(t.files[a.point.file].path, a.ref.range.startByte)));
  return { all, forward, where, absent };
}

export type MoveVerdict =
  | { works: true }
  /** The move adds an error: the first one, where it is. */
  | { works: false; adds?: { path: string; line: number }; keeps?: { path: string; line: number } };

/**
 * Whether applying `order` (the folder's files, some renamed, in the new apply order) removes `fixed` (the
 * moved file's forward references, or a missing enum label or an IF EXISTS that found nothing, by
 * `positionKey`) without adding any error to `before` (the errors of the current order).
 */
export function checkMove(order: { path: string; facts: FileFacts }[], before: OrderErrors, fixed: readonly ErrorFact[]): MoveVerdict {
  const after = orderErrors(order);
  for (const e of fixed) if (after.all.has(e) || (typeof e === 'string' && after.absent.has(e))) return { works: false, keeps: after.where.get(e) };
  for (const e of after.all) if (!before.all.has(e)) return { works: false, adds: after.where.get(e) };
  return { works: true };
}
