/**
 * Consequences are not errors of their own. A migration with an error fails and its transaction rolls back
 * (and `supabase db reset` stops there: no later migration runs). The replay still applies its effects, as
 * if it were fixed, so a later migration can get findings that hold only because of what the failing one
 * did: a duplicate of an object it created, a use of an object it dropped or renamed. Those findings are
 * moved onto the failing migration's first error as related information (LSP relatedInformation, SARIF
 * relatedLocations): fix that error and they are reported again if they still hold.
 */
import type { Finding, RuleCode } from './types';

/** Errors that make Postgres fail the migration that has them (as the replay reads it). */
const FAILS_MIGRATION: ReadonlySet<RuleCode> = new Set<RuleCode>([
  'syntax-error',
  'invalid-encoding',
  'duplicate-version',
  'forward-reference',
  'unknown-reference',
  'dropped-reference',
  'duplicate-object',
  'transaction-block',
  'unsafe-enum-value',
  'incompatible-replace',
  'missing-from-entry',
  'mutable-expression',
  'unknown-column',
  'unknown-enum-label',
]);

/**
 * `findings` (sorted: apply order, then position) with every consequence of a failing migration folded into
 * that migration's first error. A finding is a consequence when it is an error, names the migration it holds
 * because of (`causeFile`), and that migration runs earlier and fails for a reason that is not itself a
 * consequence. Returns `findings` itself when nothing is folded.
 */
export function foldConsequences(findings: Finding[], order: Map<string, number>): Finding[] {
  if (!findings.some((f) => f.causeFile !== undefined)) return findings;
  // per migration, its first error that is not a consequence (findings come in apply order)
  const roots = new Map<string, Finding>();
  const folded = new Map<Finding, Finding[]>();
  const consequences = new Set<Finding>();
  for (const f of findings) {
    const cause = f.causeFile !== undefined && f.severity === 'error' ? roots.get(f.causeFile) : undefined;
    if (cause && (order.get(f.causeFile!) ?? Infinity) < (order.get(f.file) ?? -1)) {
      consequences.add(f);
      const list = folded.get(cause);
      if (list) list.push(f);
      else folded.set(cause, [f]);
      continue;
    }
    if (f.severity === 'error' && FAILS_MIGRATION.has(f.code) && !roots.has(f.file) && order.has(f.file)) roots.set(f.file, f);
  }
  if (!consequences.size) return findings;
  const out: Finding[] = [];
  for (const f of findings) {
    if (consequences.has(f)) continue;
    const list = folded.get(f);
    if (!list) {
      out.push(f);
      continue;
    }
    const related = f.related.concat(
      list.map((c) => ({ file: c.file, range: c.range, message: `consequence, not reported on its own (this migration fails and rolls back; supabase db reset stops here): ${c.message.replace(/\.$/, '')}` })),
    );
    out.push({ ...f, related });
  }
  return out;
}
