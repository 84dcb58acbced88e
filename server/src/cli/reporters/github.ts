/**
 * `--format github`: GitHub Actions workflow commands (annotations on the pull request), one line per finding.
 * User text is made printable first (control characters escaped: no CR or LF is left to split a line, no ESC
 * reaches the log), then escaped as the runner unescapes it: `%`, CR, LF in the message; also `:` and `,` in
 * a property (a file name with `,` or `::` stays one property, and the runner reads it back exactly).
 */
import { printable } from '../../printable';
import type { ReportInput } from './report';
import { countBySeverity } from './report';

const escapeData = (s: string) => printable(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
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
