/**
 * removed-applied: a migration the base already has (or a version production applied) with no file in the
 * folder any more — not under its name, nor its version, nor renamed. `db push` then stops ("Remote migration
 * versions not found in local migrations directory") and a fresh `db reset` no longer builds what production
 * has. Reported on the file's former path (it is gone: the finding names it), with the migration that now runs
 * in its place as related information.
 */
import { comparisonOf } from '../baseline';
import type { Finding } from '../types';
import { defineRule, FILE_START } from './rule';

export const removedApplied = defineRule('removed-applied', {
  run(ctx) {
    const c = comparisonOf(ctx);
    if (!c || !c.removed.length || ctx.scope) return [];
    const out: Finding[] = [];
    for (const b of c.removed) {
      const name = b.name ?? `${b.version}_*.sql`;
      const next = ctx.migrations.find((m) => (b.name ? m.name > b.name : m.version > b.version));
      const f: Finding = {
        code: 'removed-applied',
        severity: 'warning',
        file: ctx.pathOf(b.name ?? `${b.version}.sql`),
        range: FILE_START,
        message: `${b.name ? name : `Version ${b.version}`} is in ${c.baseline.label} but ${b.name ? 'was removed from' : 'has no file in'} this folder: \`db push\` stops ("Remote migration versions not found in local migrations directory") and a fresh \`db reset\` no longer builds what production has. Restore it from the base, or repair the history (supabase migration repair --status reverted ${b.version}) if it was meant to go.`,
        related: next ? [{ file: next.path, range: FILE_START, message: `runs where ${name} ran` }] : [],
        fixes: [],
      };
      out.push(f);
    }
    return out;
  },
});
