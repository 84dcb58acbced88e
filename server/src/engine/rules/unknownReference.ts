/** unknown-reference: the object is never created — not by any migration, not by Postgres or Supabase. */
import type { Finding } from '../types';
import { qualified } from '../names';
import { defineRule, eachUnresolvedRef } from './rule';

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
      let message = `${NOUN[r.ref.ns]} ${written} does not exist${where}: no migration creates it, and neither Postgres nor the Supabase platform has it.`;
      if (r.ref.deferred) message += ' The body is only checked when it runs, so it fails when called.';
      const uncertain = unread >= 0 && unread < fi;
      if (uncertain) message += ` Unless ${ctx.migrations[unread].name}, which was not read, creates it.`;
      const fixes: Finding['fixes'] = [];
      if (res.suggestions.length) {
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
        related: [],
        fixes,
        object: written,
      });
    });
    return out;
  },
});
