/** duplicate-version: two migration files with one version (fails when recorded in schema_migrations). */
import type { Finding } from '../types';
import { defineRule, FILE_START } from './rule';

export const duplicateVersion = defineRule('duplicate-version', {
  run(ctx) {
    const out: Finding[] = [];
    for (const d of ctx.discovery.duplicateVersions) {
      for (const name of d.names) {
        const others = d.names.filter((n) => n !== name);
        out.push({
          code: 'duplicate-version',
          severity: 'error',
          file: ctx.pathOf(name),
          range: FILE_START,
          message: `Version ${d.version} is also used by ${others.join(', ')}: recording the second one in supabase_migrations.schema_migrations fails (duplicate key). Give one of them a new version.`,
          related: others.map((o) => ({ file: ctx.pathOf(o), range: FILE_START, message: `also version ${d.version}` })),
          fixes: [],
        });
      }
    }
    return out;
  },
});
