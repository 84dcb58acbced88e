/**
 * unknown-column: a column a statement names that its table does not have at that point (42703). The
 * replay finds them (timeline/columns.ts), only on tables whose every column it knows for certain.
 */
import type { Finding } from '../types';
import { defineRule, inScope } from './rule';

export const unknownColumn = defineRule('unknown-column', {
  run(ctx) {
    const out: Finding[] = [];
    for (const m of ctx.timeline.columnMisses) {
      if (!inScope(ctx, m.point.file)) continue;
      const hint = m.suggestions.length ? ` Did you mean ${m.suggestions.map((s) => `"${s}"`).join(' or ')}?` : '';
      out.push({
        code: 'unknown-column',
        severity: 'error',
        file: ctx.migrations[m.point.file].path,
        range: m.range,
        message: `column "${m.column}" of relation ${m.table} does not exist (SQLSTATE 42703): the migrations before this statement do not give ${m.table} that column.${hint}`,
        related: [],
        fixes: [],
        object: `${m.table}.${m.column}`,
      });
    }
    return out;
  },
});
