/**
 * What `verify` reports beyond the engine's rules: its own rule codes (apply results and schema advisors,
 * from the rule registry) and its exit code. The CLI renders the results (server/src/cli/reporters/verify.ts).
 */
import { RULE_REGISTRY, type RuleDescription } from '../ruleRegistry';
import type { VerifyResult } from './run';

/** verify's own codes and the advisors' (from the rule registry), added to check's in SARIF. */
export const VERIFY_RULES: { code: string; summary: string; level: string }[] = RULE_REGISTRY.filter((r) => r.kind !== 'static').map((r: RuleDescription) => ({
  code: r.code,
  summary: r.summary,
  level: r.defaultSeverity === 'info' || r.defaultSeverity === 'hint' ? 'note' : r.defaultSeverity,
}));

/** 1 when a migration failed, or a finding is an error (an advisor raised to "error" in the config). */
export function verifyExitCode(result: VerifyResult): number {
  return result.migrations.some((m) => m.status === 'failed' || m.status === 'cascade') || result.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
