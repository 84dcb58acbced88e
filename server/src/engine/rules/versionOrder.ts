/** version-order: versions of different lengths sort differently as text (db reset) and as numbers. */
import type { Finding } from '../types';
import { defineRule, FILE_START } from './rule';

export const versionOrder = defineRule('version-order', {
  run(ctx) {
    const mismatches = ctx.discovery.orderMismatches;
    if (!mismatches.length) return [];
    return mismatches.map((m): Finding => {
      const names = ctx.discovery.migrations.map((x) => x.name);
      return {
        code: 'version-order',
        severity: 'warning',
        file: ctx.pathOf(m.name),
        range: FILE_START,
        message: `${m.name} is migration #${m.lexicalIndex + 1} in file-name order (what \`supabase db reset\` uses) but #${m.numericIndex + 1} in numeric version order (what newer Supabase tooling uses): versions of different lengths in one folder make the apply order depend on the tool. Use 14-digit versions throughout. File-name order: ${names.join(', ')}.`,
        related: [],
        fixes: [],
      };
    });
  },
});
