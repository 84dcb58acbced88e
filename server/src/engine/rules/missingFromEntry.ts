/**
 * missing-from-entry: a column qualified with a table the expression cannot see (42P01 `missing FROM-clause
 * entry for table`), where Postgres checks it when the statement runs: a policy's USING / WITH CHECK sees
 * only the policy's table, so `new.col` / `old.col` (trigger habits) fail CREATE POLICY.
 */
import type { Finding } from '../types';
import { defineRule, inScope } from './rule';

export const missingFromEntry = defineRule('missing-from-entry', {
  run(ctx) {
    const out: Finding[] = [];
    ctx.facts.forEach((facts, fi) => {
      if (!inScope(ctx, fi)) return;
      for (const st of facts.statements) {
        for (const m of st.missingFrom ?? []) {
          const oldNew = m.name === 'new' || m.name === 'old';
          out.push({
            code: 'missing-from-entry',
            severity: 'error',
            file: ctx.migrations[fi].path,
            range: m.range,
            message: `missing FROM-clause entry for table "${m.name}" (SQLSTATE 42P01): a policy's expression sees only its own table${oldNew ? `; there is no ${m.name.toUpperCase()} row in a policy (that is a trigger's): name the column unqualified (the row being checked), or compare with the stored row in a subquery or a trigger` : `; qualify its columns with the table's name or not at all, and reach other tables through a subquery`}.`,
            related: [],
            fixes: [],
          });
        }
      }
    });
    return out;
  },
});
