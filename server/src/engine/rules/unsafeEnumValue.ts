/**
 * unsafe-enum-value: a value added to an enum (ALTER TYPE … ADD VALUE) used in the same migration (55P04).
 * PostgreSQL lets ADD VALUE run in a transaction, but the new value cannot be used until that transaction
 * commits, and the Supabase CLI runs a whole migration file as one transaction. A use is a string literal
 * cast to the enum where the statement evaluates it when it runs (`'x'::t`, `CAST('x' AS t)`, also in a SQL
 * function body, which is checked at CREATE time; not in PL/pgSQL, which is compiled when called), or a
 * string converted to a column's enum without a cast (a default, a comparison in a CHECK, a policy or an
 * index predicate, an `INSERT … VALUES` value: the replay's `enumConversions`).
 * Not reported (not certain): ADD VALUE IF NOT EXISTS (the value may have existed), an enum created in the
 * same transaction (PostgreSQL 17 allows that case), and uses after the file's own COMMIT.
 */
import type { RefFact } from '../facts';
import type { EnumConversion } from '../timeline';
import type { Finding } from '../types';
import { defineRule, inScope, resolutionOf } from './rule';

export const unsafeEnumValue = defineRule('unsafe-enum-value', {
  run(ctx) {
    const out: Finding[] = [];
    // strings converted to a column's enum, by migration (the replay typed them)
    const conversions = new Map<number, EnumConversion[]>();
    for (const c of ctx.timeline.enumConversions) {
      const list = conversions.get(c.point.file);
      if (list) list.push(c);
      else conversions.set(c.point.file, [c]);
    }
    ctx.facts.forEach((facts, fi) => {
      if (!inScope(ctx, fi) || !facts.statements.some((s) => s.enumValueAdded)) return;
      const keyOf = (ref: RefFact | undefined): string | undefined => {
        const res = resolutionOf(ctx, fi, ref);
        return res?.status === 'ok' ? res.key : undefined;
      };
      const added = new Map<string, number>();
      // the first statement of the current transaction (the file's, or after its COMMIT)
      let since = 0;
      facts.statements.forEach((st, si) => {
        if (st.transaction && 'control' in st.transaction && st.transaction.control === 'end') {
          added.clear();
          since = si + 1;
        }
        const uses = (st.literalCasts ?? []).map((c) => ({ key: keyOf(st.refs[c.ref]), label: c.value, range: c.range, type: st.refs[c.ref].name }));
        for (const c of conversions.get(fi) ?? []) if (c.point.stmt === si) uses.push(c);
        for (const c of uses) {
          const at = c.key === undefined ? undefined : added.get(`${c.key}\0${c.label}`);
          if (at === undefined) continue;
          const addedBy = facts.statements[at];
          out.push({
            code: 'unsafe-enum-value',
            severity: 'error',
            file: ctx.migrations[fi].path,
            range: c.range,
            message: `unsafe use of new value "${c.label}" of enum type ${c.type} (SQLSTATE 55P04): line ${addedBy.range.start.line + 1} adds it in this migration, and the Supabase CLI runs a migration as one transaction; a new enum value can be used only after the transaction that added it commits. Move the statements that use it into a later migration.`,
            related: [{ file: ctx.migrations[fi].path, range: addedBy.range, message: `"${c.label}" is added here` }],
            fixes: [],
          });
        }
        const a = st.enumValueAdded;
        if (!a || a.ifNotExists) return;
        const ref = st.refs[a.ref];
        const res = resolutionOf(ctx, fi, ref);
        // an enum made in this transaction: PostgreSQL 17 accepts its new values at once (15 does not)
        if (res?.status !== 'ok' || (res.creator?.file === fi && res.creator.stmt >= since)) return;
        added.set(`${res.key}\0${a.label}`, si);
      });
    });
    return out;
  },
});
