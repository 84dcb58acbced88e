/**
 * `verify`'s output in check's formats (text, json, sarif, github), plus the migration statuses, timings and
 * a summary line: the findings are verify's (apply results and schema advisors), not the static analysis's.
 */
import type { Analysis } from '../../engine/analyze';
import { ADVISOR_RULES } from '../../verify/advisors';
import { ruleDocsUrl } from '../../ruleRegistry';
import { VERIFY_RULES } from '../../verify/command';
import type { VerifyFinding } from '../../verify/classify';
import type { VerifyResult } from '../../verify/run';
import { printableJson } from '../../printable';
import { formatGithub } from './github';
import { jsonDiagnostic } from './json';
import type { ReportInput } from './report';
import { formatSarif, sarifRuleName, type SarifRule } from './sarif';
import { formatText } from './text';

/** verify's rules as SARIF describes them, after the engine's. */
function verifySarifRules(): SarifRule[] {
  return VERIFY_RULES.map((r) => ({ id: r.code, name: sarifRuleName(r.code), shortDescription: { text: r.summary }, helpUri: ruleDocsUrl(r.code), defaultConfiguration: { level: r.level } }));
}

export function formatVerify(format: string, analysis: Analysis, result: VerifyResult, base: Omit<ReportInput, 'analyses'>, lineText: (file: string, line: number) => string): string {
  const input: ReportInput = { ...base, analyses: [{ ...analysis, findings: result.findings }] };
  const t = result.timings;
  const counts = (s: string) => result.migrations.filter((m) => m.status === s).length;
  const advisorCount = result.findings.filter((f) => ADVISOR_RULES.some((r) => r.code === f.code)).length;
  const notPredicted = result.findings.filter((f) => f.code === 'not-predicted').length;
  const summary = `verify: ${result.migrations.length} migrations: ${counts('ok')} ok, ${counts('failed')} failed, ${counts('cascade')} cascade, ${counts('skipped')} skipped${notPredicted ? ` (${notPredicted} not predicted by check)` : ''}; ${advisorCount} advisor finding${advisorCount === 1 ? '' : 's'} — PostgreSQL ${t.postgresVersion} (PGlite), start ${(t.startMs / 1000).toFixed(1)} s (${t.checkpoint?.restoredAfter ? `checkpoint after ${t.checkpoint.restoredAfter}, ${t.checkpoint.filesSkipped} of ${result.migrations.length} files not re-applied` : `snapshot ${t.snapshot}`}), apply ${(t.applyMs / 1000).toFixed(1)} s${t.checkpoint?.written ? `, ${t.checkpoint.written} checkpoint${t.checkpoint.written === 1 ? '' : 's'} written in ${(t.checkpoint.writeMs / 1000).toFixed(1)} s` : ''}, peak RSS ${t.peakRssMb} MB`;
  if (format === 'json') {
    return (
      printableJson(JSON.stringify(
        {
          version: base.toolVersion,
          migrations: result.migrations.map((m) => ({ file: base.displayPath(m.path), version: m.version, status: m.status, ...(m.sqlstate ? { sqlstate: m.sqlstate } : {}) })),
          diagnostics: result.findings.map((f) => ({ ...jsonDiagnostic(f, base.displayPath), ...(f.sqlstate ? { sqlstate: f.sqlstate } : {}) })),
          timings: t,
        },
        null,
        2,
      )) + '\n'
    );
  }
  if (format === 'sarif') {
    return formatSarif(input, {
      rules: verifySarifRules(),
      // the findings reported are verify's own (`input` above), each with the SQLSTATE of its failure, if any
      properties: (f) => {
        const { sqlstate } = f as VerifyFinding;
        return sqlstate ? { sqlstate } : undefined;
      },
    });
  }
  if (format === 'github') return formatGithub(input) + summary + '\n';
  return formatText(input, lineText) + summary + '\n';
}
