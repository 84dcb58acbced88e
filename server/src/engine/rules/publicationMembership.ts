/**
 * publication-membership: a change of a publication's tables that Postgres refuses (42710 a table added
 * twice, 42704 a table dropped that is not in it, 55000 a FOR ALL TABLES publication). The replay finds them
 * (timeline/publications.ts) where the publication's tables are known for certain.
 */
import type { Finding, Fix } from '../types';
import { defineRule, inScope } from './rule';

export const publicationMembership = defineRule('publication-membership', {
  run(ctx) {
    const out: Finding[] = [];
    for (const m of ctx.timeline.publicationMisses) {
      if (!inScope(ctx, m.point.file)) continue;
      const file = ctx.migrations[m.point.file].path;
      const fixes: Fix[] = [];
      let message: string;
      if (m.why === 'member') {
        message = `relation "${m.table}" is already member of publication "${m.publication}" (SQLSTATE 42710): an earlier statement added it, and it stays a member until it is dropped from the publication (or dropped itself). Remove this ADD TABLE, or make it idempotent: a DO block that catches duplicate_object.`;
        const st = ctx.facts[m.point.file]?.statements[m.point.stmt];
        if (st && st.publication?.tables.length === 1) fixes.push({ kind: 'edit', title: `Remove the repeated ADD TABLE of ${m.table}`, file, edits: [{ range: st.range, newText: '' }] });
      } else if (m.why === 'not-member') {
        message = `relation "${m.table}" is not part of the publication "${m.publication}" (SQLSTATE 42704): it was never added, or was dropped from it before. Remove this DROP TABLE.`;
      } else {
        message = `publication "${m.publication}" is defined as FOR ALL TABLES (SQLSTATE 55000): tables cannot be added to or dropped from it.`;
      }
      out.push({ code: 'publication-membership', severity: 'error', file, range: m.range, message, related: [], fixes, object: `publication ${m.publication}` });
    }
    return out;
  },
});
