/**
 * The rules' cases as data: test/specs/<code>/<case>.sql (one migration, analysed as
 * `supabase/migrations/20240101000000_migration.sql`) or test/specs/<code>/<case>/ (a project: its
 * `supabase/migrations/` folder and, when the case needs one, its `.supabase-migrations.json`), each with
 * `<case>.expected` beside it: every finding of the folder, in report order (see `formatFindings`).
 *
 * A finding that differs fails the case. `UPDATE_SPECS=1 npx mocha test/unit/specs.test.ts` writes the
 * expectations anew (and only then is anything written); review the diff before committing it.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../server/src/host/config';
import { decodeUtf8, readFolder } from '../../server/src/host/workspace';
import type { Analysis } from '../../server/src/engine/analyze';
import type { Finding } from '../../server/src/engine/types';
import { ruleDescription } from '../../server/src/ruleRegistry';
import { analyzeFiles, analyzeInput, FOLDER } from '../support/analyze';

const SPECS = path.resolve(__dirname, '../specs');
const UPDATE = process.env.UPDATE_SPECS === '1';
/** The file name a single-file case is analysed under. */
const SINGLE = '20240101000000_migration.sql';

type Range = Finding['range'];
const at = (r: Range) => `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;

/**
 * One finding per block: `file:line:col-line:col severity code message` (1-based, UTF-16 columns, file
 * names relative to the migrations folder, a line break in a message written `\n`), then indented: `object:`, each `related:` location and message,
 * each `fix:` (a file rename, or edits with their replacement text as JSON) and the forward reference's
 * `rename:` plan.
 */
export function formatFindings(a: Analysis): string {
  const oneLine = (message: string) => message.replace(/\n/g, '\\n');
  const rel = (p: string) => (p.startsWith(FOLDER + '/') ? p.slice(FOLDER.length + 1) : p);
  return a.findings
    .map((f) => {
      const lines = [`${rel(f.file)}:${at(f.range)} ${f.severity} ${f.code} ${oneLine(f.message)}`];
      if (f.object !== undefined) lines.push(`  object: ${f.object}`);
      for (const r of f.related) lines.push(`  related: ${rel(r.file)}:${at(r.range)} ${oneLine(r.message)}`);
      for (const x of f.fixes) {
        if (x.kind === 'rename-file') lines.push(`  fix: ${x.title}: rename ${rel(x.from)} -> ${rel(x.to)}`);
        else lines.push(`  fix: ${x.title}: ${x.edits.map((e) => `${rel(x.file)}:${at(e.range)} ${JSON.stringify(e.newText)}`).join(', ')}`);
      }
      if (f.rename) lines.push(`  rename: ${f.rename.from} -> ${f.rename.to ?? 'none'}${f.rename.after !== undefined ? ` after ${f.rename.after}` : ''}${f.rename.reason !== undefined ? ` (${f.rename.reason})` : ''}`);
      return lines.join('\n') + '\n';
    })
    .join('');
}

async function analyzeCase(casePath: string): Promise<Analysis> {
  if (casePath.endsWith('.sql')) return analyzeFiles({ [SINGLE]: decodeUtf8(readFileSync(casePath)) });
  // read the way the CLI reads a project: its config file, the folder's entries, the files as bytes
  const { config } = await loadConfig(casePath);
  const input = await readFolder(path.join(casePath, 'supabase/migrations'), config);
  return analyzeInput({ ...input, folder: FOLDER });
}

const isDir = (p: string) => statSync(p).isDirectory();

describe('specs (test/specs/<code>/<case>)', () => {
  for (const code of readdirSync(SPECS).sort()) {
    const dir = path.join(SPECS, code);
    if (!isDir(dir)) continue;
    describe(code, () => {
      const names = readdirSync(dir).sort();
      const cases = names.filter((n) => n.endsWith('.sql') || isDir(path.join(dir, n)));
      const caseName = (n: string) => n.replace(/\.sql$/, '');

      it('is a code of the rule registry, and every expectation has its case', () => {
        assert.ok(ruleDescription(code), `test/specs/${code}: not a code`);
        const orphans = names.filter((n) => n.endsWith('.expected') && !cases.some((c) => caseName(c) + '.expected' === n));
        assert.deepEqual(orphans, []);
        assert.deepEqual(names.filter((n) => !n.endsWith('.expected') && !cases.includes(n)), [], 'files that are neither a case nor an expectation');
      });

      for (const c of cases) {
        it(caseName(c), async () => {
          const expectedPath = path.join(dir, caseName(c) + '.expected');
          const actual = formatFindings(await analyzeCase(path.join(dir, c)));
          if (UPDATE) {
            if (!existsSync(expectedPath) || readFileSync(expectedPath, 'utf8') !== actual) writeFileSync(expectedPath, actual);
            return;
          }
          assert.ok(existsSync(expectedPath), `${path.relative(SPECS, expectedPath)} is missing: UPDATE_SPECS=1 npx mocha test/unit/specs.test.ts writes it`);
          assert.equal(actual, readFileSync(expectedPath, 'utf8'));
        });
      }
    });
  }
});
