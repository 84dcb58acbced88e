/**
 * invalid-foreign-key: a foreign key whose referenced columns are not a key of the referenced table at that
 * point (42830, "there is no unique constraint matching given keys"), or without a column list on a table
 * that has no primary key (42704). The replay finds them (timeline/foreignKeyTargets.ts), only on tables
 * whose keys it knows for certain.
 */
import type { Finding } from '../types';
import { defineRule, inScope } from './rule';

export const invalidForeignKey = defineRule('invalid-foreign-key', {
  run(ctx) {
    const out: Finding[] = [];
    for (const m of ctx.timeline.keyMisses) {
      if (!inScope(ctx, m.point.file)) continue;
      const list = (k: string[]) => `(${k.join(', ')})`;
      const has = m.keys.length ? `its keys at this point are ${m.keys.map(list).join(', ')}` : 'it has no primary key or unique constraint at this point';
      const message = m.columns.length
        ? `there is no unique constraint matching given keys for referenced table ${m.table} (SQLSTATE 42830): the foreign key references ${list(m.columns)}, but ${has}. Add a primary key or unique constraint on ${list(m.columns)} first, or reference a key.`
        : `there is no primary key for referenced table ${m.table} (SQLSTATE 42704): a foreign key without a column list references the primary key, and ${m.keys.length ? `${has}, none a primary key` : 'it has none at this point'}. Name the referenced columns, or add a primary key first.`;
      out.push({
        code: 'invalid-foreign-key',
        severity: 'error',
        file: ctx.migrations[m.point.file].path,
        range: m.range,
        message,
        related: [],
        fixes: [],
        object: `${m.table}${m.columns.length ? list(m.columns) : ''}`,
        causeFile: m.createdIn !== undefined && m.createdIn < m.point.file ? ctx.migrations[m.createdIn].path : undefined,
      });
    }
    return out;
  },
});
