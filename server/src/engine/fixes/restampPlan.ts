/**
 * Re-stamping a group of migrations after one point (out-of-order: a branch's migrations that sort before
 * the base's newest move after it), keeping their relative order and every dependency. Each file is placed
 * with `planRename` (renamePlan.ts: the first free real timestamp after what it needs, before what needs it,
 * avoiding every taken version) on the folder's names as the previous renames left them, so that the
 * group's files come out in their old order. Pure: names and dependency indices in, plans out.
 */
import { parseMigrationName } from '../discover';
import type { RenamePlan } from '../types';
import { planRename } from './renamePlan';

export interface RestampInput {
  /** The folder's migrations in apply order (file names). */
  names: readonly string[];
  /**
   * Versions a new name must not take besides the folder's: skipped files' names, the base's migrations that
   * are not in the folder (as file names), versions other fixes chose.
   */
  otherNames: readonly string[];
  /** Indices (into `names`) of the files to move, in apply order. */
  moving: readonly number[];
  /** The file name they must all run after (the base's newest; it need not be in the folder). */
  after: string;
  /** Per moving file: indices of the migrations it uses objects from when applied. */
  dependsOn(i: number): readonly number[];
  /** Per moving file: indices of the migrations that use objects it creates when applied. */
  dependents(i: number): readonly number[];
}

export type RestampResult = { ok: true; plans: RenamePlan[] } | { ok: false; from: string; reason: string };

/** Plans for every file of `moving` (in that order), or the first that has no position and why. */
export function planRestamp(input: RestampInput): RestampResult {
  const moving = new Set(input.moving);
  const nameOf = input.names.slice();
  const reserved = new Set<string>();
  let previous = input.after;
  const plans: RenamePlan[] = [];
  for (const m of input.moving) {
    // the folder as the renames so far left it, with the point to run after (the base's newest may be gone)
    const current = [...new Set([...nameOf, input.after])].sort(byteOrder);
    const at = (name: string) => current.indexOf(name);
    const dependsOn = [at(previous), ...input.dependsOn(m).map((d) => at(nameOf[d]))];
    const dependents = input.dependents(m).filter((d) => !moving.has(d)).map((d) => at(nameOf[d]));
    const plan = planRename({ names: current, index: at(nameOf[m]), dependsOn, dependents, otherNames: [...input.otherNames], reserved });
    if (!plan.to) return { ok: false, from: input.names[m], reason: plan.reason ?? 'no free version' };
    reserved.add(parseMigrationName(plan.to)!.version);
    nameOf[m] = plan.to;
    previous = plan.to;
    plans.push({ from: input.names[m], to: plan.to, after: plan.after });
  }
  return { ok: true, plans };
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
