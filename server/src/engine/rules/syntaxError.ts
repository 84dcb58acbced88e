/** syntax-error: what Postgres' own parser rejects, at the exact token. */
import type { Finding } from '../types';
import { inScope, Rule } from './rule';

export const syntaxError: Rule = {
  code: 'syntax-error',
  defaultSeverity: 'error',
  summary: 'Postgres cannot parse the statement.',
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
};
