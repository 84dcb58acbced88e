/**
 * What PostgreSQL refuses to change with CREATE OR REPLACE (the migration then fails):
 *   - a function or procedure (pg_proc.c, ProcedureCreate): its kind (42809), its return type or set-ness,
 *     the row type its OUT parameters define, an input parameter's name, or the number of parameter
 *     defaults going down (42P13);
 *   - a view (view.c, checkViewColumns): dropping, renaming or reordering existing columns (42P16); new
 *     columns may only be added at the end.
 * Only what both definitions state for certain is compared (a type written as `%TYPE`, a view column from
 * `*`: not compared).
 */
import type { RoutineShape } from '../facts';
import type { Refusal } from './types';

function routine(old: RoutineShape, next: RoutineShape): Refusal | undefined {
  const kind = (p: boolean) => (p ? 'procedure' : 'function');
  if (old.procedure !== next.procedure) {
    return { sqlstate: '42809', message: 'cannot change routine kind', detail: `it is a ${kind(old.procedure)}, and this makes it a ${kind(next.procedure)}` };
  }
  if (old.returns !== undefined && next.returns !== undefined && old.returns !== next.returns) {
    return { sqlstate: '42P13', message: 'cannot change return type of existing function', detail: `it returns ${old.returns}, and this returns ${next.returns}` };
  }
  if (old.returns === next.returns && /^(setof )?record$/.test(old.returns ?? '') && old.outputs.length && next.outputs.length) {
    const known = old.outputs.every((o) => o !== undefined) && next.outputs.every((o) => o !== undefined);
    if (known && old.outputs.join(', ') !== next.outputs.join(', ')) {
      return {
        sqlstate: '42P13',
        message: 'cannot change return type of existing function',
        detail: `the row type its OUT / TABLE parameters define changes from (${old.outputs.join(', ')}) to (${next.outputs.join(', ')})`,
      };
    }
  }
  for (let i = 0; i < old.inputNames.length; i++) {
    const was = old.inputNames[i];
    if (was && next.inputNames[i] !== was) {
      return {
        sqlstate: '42P13',
        message: `cannot change name of input parameter "${was}"`,
        detail: next.inputNames[i] ? `parameter ${i + 1} is renamed to "${next.inputNames[i]}"` : `parameter ${i + 1} loses its name`,
      };
    }
  }
  if (next.defaults < old.defaults) {
    return { sqlstate: '42P13', message: 'cannot remove parameter defaults from existing function', detail: `${old.defaults} parameters have a default, and this gives ${next.defaults}` };
  }
  return undefined;
}

function view(old: readonly string[], next: readonly string[]): Refusal | undefined {
  if (next.length < old.length) {
    const dropped = old.filter((c) => !next.includes(c));
    return { sqlstate: '42P16', message: 'cannot drop columns from view', detail: `column${dropped.length === 1 ? '' : 's'} ${(dropped.length ? dropped : old.slice(next.length)).map((c) => `"${c}"`).join(', ')} would go` };
  }
  for (let i = 0; i < old.length; i++) {
    if (old[i] !== next[i]) {
      return { sqlstate: '42P16', message: `cannot change name of view column "${old[i]}" to "${next[i]}"`, detail: `column ${i + 1} is "${old[i]}"; new columns may only be added after the existing ones` };
    }
  }
  return undefined;
}

export const refusal = { routine, view };
