/**
 * mutable-expression: a function that is not IMMUTABLE where Postgres stores an expression's value (42P17):
 * an index's expressions and predicate, a generated column, a partition key (facts/immutability.ts records
 * the calls). Certain only for the SQL value functions (CURRENT_TIMESTAMP, …: STABLE whatever the search
 * path) and for calls that resolve to a built-in with no IMMUTABLE form (catalog/volatility.ts) while no
 * migration defines a function of that name (one could be a better match for the arguments).
 */
import { NOT_IMMUTABLE_BUILTINS } from '../catalog/volatility';
import type { ImmutableCall } from '../facts';
import type { Finding } from '../types';
import { defineRule, inScope, type RuleContext } from './rule';

const MESSAGE: Record<ImmutableCall['context'], string> = {
  'index expression': 'functions in index expression must be marked IMMUTABLE',
  'index predicate': 'functions in index predicate must be marked IMMUTABLE',
  'generation expression': 'generation expression is not immutable',
  'partition key expression': 'functions in partition key expression must be marked IMMUTABLE',
};

const ADVICE: Record<ImmutableCall['context'], string> = {
  'index expression': 'Index the column itself, or an expression of IMMUTABLE functions only (for a timestamptz, convert with an explicit time zone: `(created_at at time zone \'UTC\')::date`).',
  'index predicate': 'A partial index\'s predicate is decided when a row is written, so it cannot follow the clock: keep the part that does not change (e.g. `where revoked_at is null`) and put the time condition in the queries.',
  'generation expression': 'A generated column is recomputed from its row only: for a value taken once when the row is inserted, use a column DEFAULT; for one that changes, a trigger.',
  'partition key expression': 'Partition by the column itself or by an expression of IMMUTABLE functions only.',
};

export const mutableExpression = defineRule('mutable-expression', {
  run(ctx) {
    const out: Finding[] = [];
    let definedNames: Set<string> | undefined;
    ctx.facts.forEach((facts, fi) => {
      if (!inScope(ctx, fi) || !facts.statements.some((st) => st.immutableCalls)) return;
      definedNames ??= functionNamesOfMigrations(ctx);
      // the file's function references by where their name starts (a call's name has the same range)
      const calls = new Map<number, string>();
      for (const r of ctx.timeline.refs[fi] ?? []) {
        if (r.ref.ns === 'function' && r.resolution.status === 'ok') calls.set(r.ref.range.startByte, r.resolution.key);
      }
      for (const st of facts.statements) {
        for (const c of st.immutableCalls ?? []) {
          const volatility = c.call ? builtinVolatility(c, calls.get(c.range.startByte), definedNames) : 'stable';
          if (!volatility) continue;
          const what = c.call ? `${c.name}() is ${volatility.toUpperCase()}` : `${c.name} is STABLE`;
          out.push({
            code: 'mutable-expression',
            severity: c.guarded ? 'warning' : 'error',
            file: ctx.migrations[fi].path,
            range: c.range,
            message: `${MESSAGE[c.context]} (SQLSTATE 42P17): ${what}, its value changes while the stored one would not${c.guarded ? ' (in a DO block whose exception handler may catch the error)' : ''}. ${ADVICE[c.context]}`,
            related: [],
            fixes: [],
          });
        }
      }
    });
    return out;
  },
});

/** The built-in's volatility when the call certainly is that built-in, else undefined. */
function builtinVolatility(c: ImmutableCall, key: string | undefined, definedNames: Set<string>): string | undefined {
  if (key !== `function:pg_catalog.${c.name}` || definedNames.has(c.name)) return undefined;
  return NOT_IMMUTABLE_BUILTINS.get(c.name);
}

/** Names of the functions the migrations create (in any schema). */
function functionNamesOfMigrations(ctx: RuleContext): Set<string> {
  const names = new Set<string>();
  for (const h of ctx.timeline.histories) if (h.record.ns === 'function') names.add(h.record.name);
  return names;
}
