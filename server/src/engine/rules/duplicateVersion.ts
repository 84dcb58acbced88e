/**
 * duplicate-version: two migration files with one version. The first of them (in apply order) applies;
 * recording a later one's version in supabase_migrations.schema_migrations fails (duplicate key), so the
 * later ones are errors and the first a warning that points at them.
 */
import type { Finding } from '../types';
import { defineRule, FILE_START } from './rule';

export const duplicateVersion = defineRule('duplicate-version', {
  run(ctx) {
    const out: Finding[] = [];
    for (const d of ctx.discovery.duplicateVersions) {
      d.names.forEach((name, i) => {
        const others = d.names.filter((n) => n !== name);
        const first = i === 0;
        out.push({
          code: 'duplicate-version',
          severity: first ? 'warning' : 'error',
          file: ctx.pathOf(name),
          range: FILE_START,
          message: first
            ? `Version ${d.version} is also used by ${others.join(', ')}: this one applies, but recording the later one in supabase_migrations.schema_migrations fails (duplicate key). Give one of them a new version.`
            : `Version ${d.version} is also used by ${others.join(', ')}: recording this one in supabase_migrations.schema_migrations fails (duplicate key), and the migration with it. Give one of them a new version.`,
          related: others.map((o) => ({ file: ctx.pathOf(o), range: FILE_START, message: `also version ${d.version}` })),
          fixes: [],
        });
      });
    }
    return out;
  },
});
