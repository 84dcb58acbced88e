/**
 * transaction-block: a command PostgreSQL refuses in the transaction a migration runs in (25001), or a
 * savepoint outside a transaction block (25P01). The Supabase CLI sends a file's statements as one
 * pipeline, one implicit transaction (facts/transaction.ts has what each statement means for it):
 *   - a command that cannot run in a transaction block is accepted only as the file's first statement or
 *     the first after a COMMIT / ROLLBACK (Postgres: "cannot be executed within a pipeline");
 *   - after the file's own BEGIN it is refused until COMMIT ("cannot run inside a transaction block");
 *   - SAVEPOINT / RELEASE / ROLLBACK TO need the file's own BEGIN.
 */
import type { StatementFacts, TransactionFact } from '../facts';
import type { Finding, Fix } from '../types';
import { defineRule, inScope } from './rule';

export const transactionBlock = defineRule('transaction-block', {
  run(ctx) {
    const out: Finding[] = [];
    ctx.facts.forEach((facts, fi) => {
      if (!inScope(ctx, fi) || !facts.statements.some((s) => s.transaction)) return;
      const file = ctx.migrations[fi].path;
      // whether nothing ran yet in the current transaction; the BEGIN of an open transaction block
      let fresh = true;
      let begin: StatementFacts | undefined;
      for (const st of facts.statements) {
        const t = st.transaction;
        if (!t) {
          fresh = false;
          continue;
        }
        if ('control' in t) {
          if (t.control === 'begin') begin = st;
          else if (t.control === 'end') begin = undefined;
          else if (!begin) {
            out.push({
              code: 'transaction-block',
              severity: 'error',
              file,
              range: st.range,
              message:
                'SAVEPOINT, RELEASE and ROLLBACK TO can only be used in transaction blocks (SQLSTATE 25P01): the Supabase CLI runs a migration as one implicit transaction, not a block the file opened with BEGIN. Remove the savepoint (the whole file is rolled back on any error anyway).',
              related: [],
              fixes: [],
            });
          }
          fresh = t.control === 'end';
          continue;
        }
        if (begin || !fresh) out.push(refused(file, st, t, begin));
        fresh = false;
      }
    });
    return out;
  },
});

function refused(file: string, st: StatementFacts, t: Extract<TransactionFact, { outside: string }>, begin: StatementFacts | undefined): Finding {
  const why = begin
    ? `${t.outside} cannot run inside a transaction block (SQLSTATE 25001): the BEGIN on line ${begin.range.start.line + 1} opened one.`
    : `${t.outside} cannot be executed within a pipeline (SQLSTATE 25001): the Supabase CLI sends a migration file as one transaction, and only its first statement (or the first after a COMMIT) may be ${t.outside}.`;
  const fixes: Fix[] = [];
  let advice: string;
  if (t.concurrently) {
    advice = ' Drop CONCURRENTLY (a migration runs in a transaction anyway; on a large live table, put the statement alone in a migration of its own).';
    fixes.push({ kind: 'edit', title: 'Drop CONCURRENTLY', file, edits: [{ range: t.concurrently, newText: '' }] });
  } else {
    advice = ` Move ${t.outside} out of the migrations (run it by hand), or make it the only statement of a migration of its own.`;
  }
  return { code: 'transaction-block', severity: 'error', file, range: st.range, message: why + advice, related: begin ? [{ file, range: begin.range, message: 'the transaction block starts here' }] : [], fixes };
}
