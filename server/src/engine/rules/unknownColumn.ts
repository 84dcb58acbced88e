/**
 * unknown-column: a column a statement names that its table does not have at that point (42703). The
 * replay finds them (timeline/columns.ts), only on tables whose every column it knows for certain.
 */
import { offerRename, provenRename } from '../fixes/provenRename';
import { before, type Point } from '../objects';
import type { Finding } from '../types';
import { defineRule, inScope, type ReplayChange, type RuleContext, statementRange, where } from './rule';

export const unknownColumn = defineRule('unknown-column', {
  run(ctx) {
    const out: Finding[] = [];
    for (const m of ctx.timeline.columnMisses) {
      if (!inScope(ctx, m.point.file)) continue;
      const hint = m.suggestions.length ? ` Did you mean ${m.suggestions.map((s) => `"${s}"`).join(' or ')}?` : '';
      const story = history(ctx, m.key, m.column, m.point);
      const f: Finding = {
        code: 'unknown-column',
        severity: 'error',
        file: ctx.migrations[m.point.file].path,
        range: m.range,
        message: `column "${m.column}" of relation ${m.table} does not exist (SQLSTATE 42703): ${story ? story.text : `the migrations before this statement do not give ${m.table} that column.`}${hint}`,
        related: story ? [{ file: ctx.migrations[story.point.file].path, range: statementRange(ctx, story.point), message: story.related }] : [],
        fixes: [],
        object: `${m.table}.${m.column}`,
        causeFile: m.createdIn !== undefined && m.createdIn < m.point.file ? ctx.migrations[m.createdIn].path : undefined,
      };
      // added by a later migration: re-stamping this one after it, where a replay in that order proves it
      const plan = story?.later && story.point.file > m.point.file ? provenRename(ctx, m.point.file, story.point.file, m.range.startByte) : undefined;
      if (plan) offerRename(ctx, f, m.point.file, plan);
      out.push(f);
    }
    return out;
  },
  // the message says where the column comes later or went before: misses before the replayed migrations on a table a replay changed
  *affectedByReplay(ctx: RuleContext, change: ReplayChange) {
    for (const m of ctx.timeline.columnMisses) if (m.point.file < change.from && change.changedKeys.has(m.key)) yield m.point.file;
  },
});

/** Where the column comes from later, or where it went before: from the table's history (its key at the end). */
function history(ctx: RuleContext, key: string, column: string, at: Point): { text: string; related: string; point: Point; later?: boolean } | undefined {
  const h = ctx.timeline.byKey.get(key);
  if (!h) return undefined;
  let had: Point | undefined;
  for (const v of h.versions) {
    const has = v.columns.some((c) => c.name === column);
    if (before(v.point, at) || (v.point.file === at.file && v.point.stmt === at.stmt)) {
      if (has) had = v.point;
      else if (had) return { text: `${where(ctx, v.point)} drops or renames it, before this statement.`, related: `"${column}" goes here`, point: v.point };
    } else if (has) {
      return { text: `it is added only by ${where(ctx, v.point)}, which runs after this statement.`, related: `"${column}" is added here`, point: v.point, later: true };
    }
  }
  return undefined;
}
