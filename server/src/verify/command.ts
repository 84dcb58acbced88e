/**
 * What `verify` reports beyond the engine's rules: its own rule codes (apply results and schema advisors) and
 * its exit code. The CLI renders the results (server/src/cli/reporters/verify.ts).
 */
import { ADVISOR_RULES } from './advisors';
import type { VerifyResult } from './run';

export const VERIFY_RULES: { code: string; summary: string; level: string }[] = [
  { code: 'apply-error', summary: 'A migration fails when applied to a fresh Supabase database.', level: 'error' },
  { code: 'apply-cascade', summary: 'A migration fails only because an earlier migration that creates what it uses failed.', level: 'warning' },
  { code: 'platform-gap', summary: 'An extension is not available in the embedded Postgres; the migration could not be checked.', level: 'warning' },
  { code: 'standin-used', summary: 'A stand-in (signatures only) replaced an extension the embedded Postgres lacks.', level: 'note' },
  // schema advisors (advisors.ts), on the schema the migrations produced
  ...ADVISOR_RULES.map((r) => ({ code: r.code, summary: r.summary, level: r.severity === 'info' || r.severity === 'hint' ? 'note' : r.severity })),
];

/** 1 when a migration failed, or a finding is an error (an advisor raised to "error" in the config). */
export function verifyExitCode(result: VerifyResult): number {
  return result.migrations.some((m) => m.status === 'failed' || m.status === 'cascade') || result.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
