/** `--format github`: GitHub Actions workflow commands (annotations on the pull request). */
import type { ReportInput } from './report';
import { countBySeverity } from './report';

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProp = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(input: ReportInput): string {
  const lines: string[] = [];
  for (const a of input.analyses) {
    for (const f of a.findings) {
      const cmd = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
      const props = [
        `file=${escapeProp(input.displayPath(f.file))}`,
        `line=${f.range.start.line + 1}`,
        `col=${f.range.start.character + 1}`,
        `endLine=${f.range.end.line + 1}`,
        ...(f.range.end.line === f.range.start.line ? [`endColumn=${f.range.end.character + 1}`] : []),
        `title=${escapeProp(f.code)}`,
      ];
      lines.push(`::${cmd} ${props.join(',')}::${escapeData(f.message)}`);
    }
  }
  const { errors, warnings } = countBySeverity(input);
  lines.push(`supabase-migrations: ${errors} error(s), ${warnings} warning(s)`);
  return lines.join('\n') + '\n';
}
