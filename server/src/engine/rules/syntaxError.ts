/** syntax-error: what Postgres' own parser rejects, at the exact token. */
import type { Finding } from '../types';
import { defineRule, inScope } from './rule';

export const syntaxError = defineRule('syntax-error', {
  run(ctx) {
    const out: Finding[] = [];
    ctx.facts.forEach((f, fi) => {
      if (!inScope(ctx, fi)) return;
      for (const e of f.syntaxErrors) {
        out.push({
          code: 'syntax-error',
          severity: e.deferred ? 'warning' : 'error',
          file: ctx.migrations[fi].path,
          range: e.range,
          message: e.message,
          related: [],
          fixes: [],
        });
      }
    });
    return out;
  },
});
