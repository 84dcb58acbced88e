/** `supabase-migrations verify [dir]`: output in check's formats, plus migration statuses and timings. */
import type { Analysis } from '../engine/analyze';
import { formatGithub } from '../cli/reporters/github';
import { jsonDiagnostic } from '../cli/reporters/json';
import type { ReportInput } from '../cli/reporters/report';
import { formatSarif } from '../cli/reporters/sarif';
import { formatText } from '../cli/reporters/text';
import { RULE_REGISTRY, ruleDocsUrl, type RuleDescription } from '../ruleRegistry';
import { ADVISOR_RULES } from './advisors';
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

export function formatVerify(format: string, analysis: Analysis, result: VerifyResult, base: Omit<ReportInput, 'analyses'>, lineText: (file: string, line: number) => string): string {
  const input: ReportInput = { ...base, analyses: [{ ...analysis, findings: result.findings }] };
  const t = result.timings;
  const counts = (s: string) => result.migrations.filter((m) => m.status === s).length;
  const advisorCount = result.findings.filter((f) => ADVISOR_RULES.some((r) => r.code === f.code)).length;
  const summary = `verify: ${result.migrations.length} migrations: ${counts('ok')} ok, ${counts('failed')} failed, ${counts('cascade')} cascade, ${counts('skipped')} skipped; ${advisorCount} advisor finding${advisorCount === 1 ? '' : 's'} — PostgreSQL ${t.postgresVersion} (PGlite), start ${(t.startMs / 1000).toFixed(1)} s (${t.checkpoint?.restoredAfter ? `checkpoint after ${t.checkpoint.restoredAfter}, ${t.checkpoint.filesSkipped} of ${result.migrations.length} files not re-applied` : `snapshot ${t.snapshot}`}), apply ${(t.applyMs / 1000).toFixed(1)} s${t.checkpoint?.written ? `, ${t.checkpoint.written} checkpoint${t.checkpoint.written === 1 ? '' : 's'} written in ${(t.checkpoint.writeMs / 1000).toFixed(1)} s` : ''}, peak RSS ${t.peakRssMb} MB`;
  if (format === 'json') {
    return (
      JSON.stringify(
        {
          version: base.toolVersion,
          migrations: result.migrations.map((m) => ({ file: base.displayPath(m.path), version: m.version, status: m.status, ...(m.sqlstate ? { sqlstate: m.sqlstate } : {}) })),
          diagnostics: result.findings.map((f) => ({ ...jsonDiagnostic(f, base.displayPath), ...(f.sqlstate ? { sqlstate: f.sqlstate } : {}) })),
          timings: t,
        },
        null,
        2,
      ) + '\n'
    );
  }
  if (format === 'sarif') {
    const sarif = JSON.parse(formatSarif(input)) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number; properties?: object }[] }[] };
    const run = sarif.runs[0];
    for (const r of VERIFY_RULES)
      run.tool.driver.rules.push({ id: r.code, name: r.code.replace(/(^|-)([a-z])/g, (_, __, ch: string) => ch.toUpperCase()), shortDescription: { text: r.summary }, helpUri: ruleDocsUrl(r.code), defaultConfiguration: { level: r.level } } as { id: string });
    run.results.forEach((res, i) => {
      res.ruleIndex = run.tool.driver.rules.findIndex((r) => r.id === res.ruleId);
      const sqlstate = result.findings[i]?.sqlstate;
      if (sqlstate) res.properties = { sqlstate };
    });
    return JSON.stringify(sarif, null, 2) + '\n';
  }
  if (format === 'github') return formatGithub(input) + summary + '\n';
  return formatText(input, lineText) + summary + '\n';
}
