/** What every reporter gets: the analysis of one or more folders, and how to show paths. */
import type { Analysis } from '../../engine/analyze';
import type { PostgresVersionChoice } from '../../host/supabaseConfig';
export { describePostgres } from '../../host/supabaseConfig';

export interface ReportInput {
  analyses: Analysis[];
  /** Turn an engine path into what the user sees (relative to the working directory). */
  displayPath(p: string): string;
  color: boolean;
  toolVersion: string;
  /** The PostgreSQL major version assumed and what said so (the command line's choice). */
  postgres?: PostgresVersionChoice;
}


export function countBySeverity(input: ReportInput): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const a of input.analyses)
    for (const f of a.findings) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
      else infos++;
    }
  return { errors, warnings, infos };
}
