/**
 * edited-applied: a migration the base already has, whose content changed on this branch. The Supabase CLI
 * matches history by version only, so production never runs the change (and a fresh `db reset` does: the
 * two drift apart). White space and comments outside string constants do not count (engine/baseline.ts).
 * When the change only adds whole statements, the finding carries a `NewMigrationFix`: the added statements
 * moved into a new migration after everything else, taken out of the applied one.
 */
import { comparisonOf, addedStatements, statementsOf, type BaselineComparison, type BaselineMigration } from '../baseline';
import { nameAfter } from '../fixes/renamePlan';
import type { SourceRange } from '../positions';
import type { Finding, NewMigrationFix } from '../types';
import { siblingPath } from './forwardReference';
import { defineRule, FILE_START, inScope, type RuleContext } from './rule';

export const editedApplied = defineRule('edited-applied', {
  run(ctx) {
    const c = comparisonOf(ctx);
    if (!c || !c.edited.length) return [];
    const out: Finding[] = [];
    for (const { base, index: fi } of c.edited) {
      if (!inScope(ctx, fi)) continue;
      const m = ctx.migrations[fi];
      const text = ctx.textOf?.(fi) ?? ctx.inputs[fi]?.text ?? '';
      const added = addedStatements(base.text!, text);
      const f: Finding = {
        code: 'edited-applied',
        severity: 'warning',
        file: m.path,
        range: changedRange(ctx, fi, base, text, added),
        message: `${m.name} is already in ${c.baseline.label} and was changed since: production never runs the change (the Supabase CLI matches applied migrations by version only), while a fresh \`db reset\` does. Put the change in a new migration and restore this file.`,
        related: [],
        fixes: [],
      };
      const fix = added?.length ? newMigration(ctx, c, fi, text, added) : undefined;
      if (fix) {
        f.newMigration = fix;
        f.message += ` (${added!.length === 1 ? 'The added statement can be moved' : `The ${added!.length} added statements can be moved`} to ${fix.to.slice(Math.max(fix.to.lastIndexOf('/'), fix.to.lastIndexOf('\\')) + 1)}.)`;
      }
      out.push(f);
    }
    return out;
  },
});

/** Where the change starts: the first added statement, else the first statement that differs from the base's. */
function changedRange(ctx: RuleContext, fi: number, base: BaselineMigration, text: string, added: ReturnType<typeof addedStatements>): SourceRange {
  const lines = ctx.facts[fi]?.lineIndex;
  if (!lines) return FILE_START;
  if (added?.length) return lines.range(added[0].start, added[0].end);
  const a = statementsOf(base.text!);
  const b = statementsOf(text);
  if (!a || !b) return FILE_START;
  let i = 0;
  while (i < a.length && i < b.length && a[i].key === b[i].key) i++;
  if (i < b.length) return lines.range(b[i].start, b[i].end);
  const end = lines.byteLength;
  return lines.range(end, end);
}

/**
 * The added statements as a new migration, when moving them is safe: the file parses, and no migration
 * after it that the base does not have uses what it creates (a new migration runs after all of them).
 */
function newMigration(ctx: RuleContext, c: BaselineComparison, fi: number, text: string, added: NonNullable<ReturnType<typeof addedStatements>>): NewMigrationFix | undefined {
  if (ctx.facts[fi]?.syntaxErrors.length) return undefined;
  const added_ = new Set(c.added);
  if (ctx.graph.edges.some((e) => e.to === fi && e.from > fi && !e.deferred && added_.has(e.from))) return undefined;
  const lines = ctx.facts[fi].lineIndex;
  const m = ctx.migrations[fi];
  const names = ctx.migrations.map((x) => x.name);
  const others = [...ctx.discovery.skipped.map((s) => s.name), ...c.baseline.migrations.map((b) => b.name ?? `${b.version}_applied.sql`)];
  const last = [names[names.length - 1], c.newest?.name ?? `${c.newest?.version}_applied.sql`].filter(Boolean).sort().pop()!;
  const label = m.name.slice(m.version.length + 1, -'.sql'.length);
  const to = nameAfter(last, `${label}_additions`.replace(/^_/, ''), names, others);
  if (!to) return undefined;
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder();
  const statements = added.map((s) => {
    const sql = decoder.decode(bytes.subarray(s.start, s.end));
    return sql.trimEnd().endsWith(';') ? sql : sql + ';';
  });
  const revert = added.map((s) => {
    let end = s.end;
    while (end < bytes.length && (bytes[end] === 0x20 || bytes[end] === 0x09)) end++;
    if (bytes[end] === 0x0d && bytes[end + 1] === 0x0a) end += 2;
    else if (bytes[end] === 0x0a) end++;
    return { range: lines.range(s.start, end), newText: '' };
  });
  return {
    title: `Move the ${added.length === 1 ? 'added statement' : `${added.length} added statements`} to a new migration ${to}`,
    from: m.path,
    revert,
    to: siblingPath(m.path, to),
    text: `-- Added to ${m.name} after ${c.baseline.label} had it: an applied migration is never run again.\n${statements.join('\n\n')}\n`,
  };
}
