/** unknown-reference: the object is never created — not by any migration, not by Postgres or Supabase. */
import type { Finding } from '../types';
import { qualified } from '../names';
import { defineRule, eachUnresolvedRef, type RuleContext } from './rule';
import { validMigrationName } from '../discover';

const NOUN: Record<string, string> = {
  relation: 'relation',
  type: 'type',
  function: 'function',
  schema: 'schema',
  extension: 'extension',
  role: 'role',
  trigger: 'trigger',
  policy: 'policy',
  publication: 'publication',
};

export const unknownReference = defineRule('unknown-reference', {
  run(ctx) {
    const out: Finding[] = [];
    // a migration that was not read (unreadable-file) may create anything: names used after it are not certain
    const unread = ctx.inputs.findIndex((i) => i.unread);
    eachUnresolvedRef(ctx, (r, fi) => {
      const res = r.resolution;
      if (res.status !== 'unknown' || res.opaque) return;
      const written = r.ref.ns === 'function' ? `${qualified(r.ref.schema, r.ref.name)}()` : qualified(r.ref.schema, r.ref.name);
      const where = r.ref.schema || !['relation', 'type', 'function'].includes(r.ref.ns) ? '' : ` in the search path (${r.ref.path.filter((s) => s !== '$user').join(', ') || 'empty'})`;
      const skipped = r.ref.keys?.map((k) => ctx.skippedCreations.byKey.get(k)).find((c) => c !== undefined);
      let message = skipped
        ? `${NOUN[r.ref.ns]} ${written} does not exist${where}: it is created only by ${skipped.name}, which the Supabase CLI skips (${skipReasonOf(ctx, skipped.name)}), so it never runs: rename it.`
        : `${NOUN[r.ref.ns]} ${written} does not exist${where}: no migration creates it, and neither Postgres nor the Supabase platform has it.`;
      if (r.ref.deferred) message += ' The body is only checked when it runs, so it fails when called.';
      const uncertain = unread >= 0 && unread < fi;
      if (uncertain) message += ` Unless ${ctx.migrations[unread].name}, which was not read, creates it.`;
      const fixes: Finding['fixes'] = [];
      const related: Finding['related'] = [];
      if (skipped) {
        related.push({ file: ctx.pathOf(skipped.name), range: skipped.range, message: `${written} is created here; the Supabase CLI skips this file` });
        const fix = renameSkippedFix(ctx, skipped.name);
        if (fix) fixes.push(fix);
      } else if (res.suggestions.length) {
        message += ` Did you mean ${res.suggestions.join(' or ')}?`;
        for (const s of res.suggestions) {
          const replacement = s.replace(/\(\)$/, '');
          fixes.push({ kind: 'edit', title: `Change to ${replacement}`, file: ctx.migrations[fi].path, edits: [{ range: r.ref.range, newText: replacement }] });
        }
      }
      out.push({
        code: 'unknown-reference',
        severity: uncertain ? 'info' : r.ref.deferred ? 'warning' : 'error',
        file: ctx.migrations[fi].path,
        range: r.ref.range,
        message,
        related,
        fixes,
        object: written,
      });
    });
    return out;
  },
});

function skipReasonOf(ctx: RuleContext, name: string): string {
  return ctx.discovery.skipped.find((s) => s.name === name)?.reason ?? 'its name';
}

/**
 * Renaming a file the CLI skips to a valid migration name (its version and label; an 8-digit date version
 * padded to 14 digits when the folder's migrations have 14), when no migration has that version.
 */
export function renameSkippedFix(ctx: RuleContext, name: string): Finding['fixes'][number] | undefined {
  let to = validMigrationName(name);
  if (!to) return undefined;
  const version = to.slice(0, to.indexOf('_'));
  if (version.length === 8 && ctx.discovery.migrations.some((m) => m.version.length === 14)) to = `${version}000000${to.slice(8)}`;
  const v = to.slice(0, to.indexOf('_'));
  if (ctx.discovery.migrations.some((m) => m.version === v) || ctx.discovery.skipped.some((s) => s.name === to)) return undefined;
  return { kind: 'rename-file', title: `Rename ${name} to ${to} (a name the Supabase CLI applies)`, from: ctx.pathOf(name), to: ctx.pathOf(to) };
}
