/**
 * Re-stamping a migration so that it runs after everything it needs and before everything that needs it.
 * Pure: takes file names and dependency indices, returns the new name or why there is none.
 */
import { formatTimestamp, parseMigrationName, parseTimestamp } from '../discover';
import type { RenamePlan } from '../types';

export interface RenameInput {
  /** Applied migrations in order (file names). */
  names: string[];
  /** Index of the migration to move. */
  index: number;
  /** Indices of the migrations it uses objects from. */
  dependsOn: number[];
  /** Indices of the migrations that use objects it creates. */
  dependents: number[];
  /** Other file names in the folder (skipped files): a new name must not collide with them either. */
  otherNames?: string[];
  /** Versions other plans computed from the same state already chose (see planRenames). */
  reserved?: ReadonlySet<string>;
}

const MAX_STEPS = 200_000;

export function planRename(input: RenameInput): RenamePlan {
  const { names, index } = input;
  const from = names[index];
  const me = parseMigrationName(from);
  const deps = [...new Set(input.dependsOn)].filter((d) => d !== index).sort((a, b) => a - b);
  if (!me) return { from, to: null, reason: `${from} is not a migration file name` };
  if (!deps.length) return { from, to: null, reason: 'it does not depend on any other migration' };
  const latest = deps[deps.length - 1];
  const latestName = names[latest];
  const dependents = [...new Set(input.dependents)].filter((d) => d !== index).sort((a, b) => a - b);
  const blocking = dependents.filter((d) => d <= latest);
  if (blocking.length) {
    const d = blocking[0];
    const cycle =
      d === latest
        ? `${from} uses objects that ${latestName} creates, and ${latestName} uses objects that ${from} creates`
        : `${from} must run after ${latestName}, but ${names[d]} uses objects that ${from} creates and runs before ${latestName}`;
    return { from, to: null, after: latestName, reason: `no valid position (cycle): ${cycle}. Split one of the migrations or move the shared objects.` };
  }
  const upper = dependents.length ? names[dependents[0]] : undefined;
  const counts = versionCounts(names, input.otherNames ?? []);
  // a version is free when no other file has it (this file's own version is free for itself)
  const reserved = input.reserved;
  const taken = (v: string) => (counts.get(v) ?? 0) > (v === me.version ? 1 : 0) || (reserved !== undefined && reserved.has(v));
  const latestVersion = parseMigrationName(latestName)!.version;
  const suffix = from.slice(me.version.length); // "_name.sql"
  const next = successor(latestVersion);
  let version = next.first;
  for (let step = 0; step < MAX_STEPS; step++) {
    const candidate = version + suffix;
    const numericOk = BigInt(version) > BigInt(latestVersion);
    if (upper && candidate >= upper) {
      return { from, to: null, after: latestName, reason: `no free version between ${latestName} and ${upper}, which uses objects that ${from} creates` };
    }
    if (!taken(version) && candidate > latestName && numericOk) return { from, to: candidate, after: latestName };
    version = candidate > latestName || !next.dayJump ? next.step(version) : next.dayJump(version);
  }
  return { from, to: null, after: latestName, reason: 'no free version found' };
}

/**
 * Plans for several migrations of one folder, computed from one state: each plan reserves its new version
 * for the plans after it (in apply order), so applying every plan never gives two files one version, and
 * files that move after the same migration keep their relative order. Returned in the order of `inputs`.
 */
export function planRenames(inputs: readonly RenameInput[]): RenamePlan[] {
  const reserved = new Set<string>();
  const plans: RenamePlan[] = new Array(inputs.length);
  const order = inputs.map((_, i) => i).sort((a, b) => inputs[a].index - inputs[b].index);
  for (const i of order) {
    const plan = planRename({ ...inputs[i], reserved });
    if (plan.to) reserved.add(parseMigrationName(plan.to)!.version);
    plans[i] = plan;
  }
  return plans;
}

/** How many files have each version; remembered per names list (a folder's plans share it). */
function versionCounts(names: string[], otherNames: string[]): Map<string, number> {
  const hit = countsCache.get(names);
  if (hit && hit.otherNames === otherNames) return hit.counts;
  const counts = new Map<string, number>();
  for (const list of [names, otherNames])
    for (const n of list) {
      const v = parseMigrationName(n)?.version;
      if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
  countsCache.set(names, { otherNames, counts });
  return counts;
}
const countsCache = new WeakMap<string[], { otherNames: string[]; counts: Map<string, number> }>();

interface Successor {
  first: string;
  step: (v: string) => string;
  /** Jump to the next day, for when a 14-digit name must sort after a shorter version lexically. */
  dayJump?: (v: string) => string;
}

function successor(version: string): Successor {
  const stepTime = (v: string, seconds: number) => {
    const d = parseTimestamp(v)!;
    return formatTimestamp(new Date(d.getTime() + seconds * 1000));
  };
  const nextDay = (v: string) => {
    const d = parseTimestamp(v)!;
    return formatTimestamp(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1)));
  };
  if (parseTimestamp(version)) return { first: stepTime(version, 1), step: (v) => stepTime(v, 1), dayJump: nextDay };
  // An 8-digit date version: a 14-digit name sorts after it lexically only from the next day on.
  const date = /^\d{8}$/.test(version) ? parseTimestamp(version + '000000') : undefined;
  if (date) {
    const first = formatTimestamp(new Date(date.getTime() + 86_400_000));
    return { first, step: (v) => stepTime(v, 1), dayJump: nextDay };
  }
  // Anything else (e.g. 00000000000001): count up, keeping the width.
  const inc = (v: string) => (BigInt(v) + 1n).toString().padStart(v.length, '0');
  return { first: inc(version), step: inc };
}

/**
 * A new file name `<version>_<label>.sql` that sorts after `after` (a real timestamp after its version where
 * it is one, as a re-stamp would choose), with a version that no name of `names` or `otherNames` has.
 */
export function nameAfter(after: string, label: string, names: readonly string[], otherNames: readonly string[]): string | undefined {
  const list = [...names, after, `0_${label}.sql`];
  return planRename({ names: list, index: list.length - 1, dependsOn: [list.length - 2], dependents: [], otherNames: [...otherNames] }).to ?? undefined;
}
