/** duplicate-object: creating what already exists, without IF NOT EXISTS / OR REPLACE (a refused OR REPLACE is incompatible-replace). */
import { displayName } from '../objects';
import type { Finding } from '../types';
import { defineRule, ReplayChange, RuleContext, where } from './rule';

export const duplicateObject = defineRule('duplicate-object', {
  run(ctx) {
    return ctx.timeline.conflicts.filter((c) => !c.refused).map((c): Finding => {
      const name = displayName(c.existing);
      const origin =
        c.existing.origin === 'migration' && c.existing.def
          ? `created by ${where(ctx, c.existing.def.point, c.existing.def.range)}`
          : c.existing.origin === 'extension'
            ? `created by extension ${c.existing.extension}`
            : c.existing.origin === 'platform'
              ? 'part of the Supabase platform'
              : 'built into Postgres';
      const hint =
        c.effect.ns === 'function' ? 'use CREATE OR REPLACE' : c.effect.ns === 'relation' || c.effect.ns === 'schema' || c.effect.ns === 'extension' || c.effect.kind === 'index' || c.effect.kind === 'sequence' ? 'add IF NOT EXISTS or remove the statement' : c.effect.ns === 'policy' ? 'drop it first (DROP POLICY IF EXISTS) or use ALTER POLICY' : c.effect.ns === 'trigger' ? 'use CREATE OR REPLACE TRIGGER or drop it first' : 'remove the statement or guard it';
      const def = c.existing.def;
      return {
        code: 'duplicate-object',
        severity: 'error',
        file: ctx.migrations[c.point.file].path,
        range: c.effect.range,
        message: `${c.existing.ns === 'policy' || c.existing.ns === 'trigger' ? '' : c.existing.kind + ' '}${name} already exists (${origin}); this statement fails: ${hint}.`,
        related: def && c.existing.origin === 'migration' ? [{ file: ctx.migrations[def.point.file].path, range: def.range, message: `${name} is first created here` }] : [],
        fixes: [],
        object: name,
        causeFile: def && c.existing.origin === 'migration' ? ctx.migrations[def.point.file].path : undefined,
      };
    });
  },
  // A conflict names the existing object as it is at the end (a later rename shows): conflicts before the
  // replayed migrations whose object a replay changed.
  *affectedByReplay(ctx: RuleContext, change: ReplayChange) {
    for (const t of [ctx.timeline, change.prev])
      for (const c of t.conflicts) if (!c.refused && c.point.file < change.from && (change.changedKeys.has(c.key) || change.changedKeys.has(c.existing.key))) yield c.point.file;
  },
});
