/**
 * Every rule spec case (test/specs/<code>/<case>) applied to a real PostgreSQL 15 the way the Supabase CLI
 * applies a folder (test/support/postgres.ts: the platform shim, extension stand-ins, each file as one
 * pipeline), and the verdict per file compared with the engine's: Postgres fails a file ⇔ the engine
 * reports an error in it. `supabase db reset` stops at the first file that fails, so files after it are
 * not compared.
 *
 * Cases that cannot agree by construction (a configuration that changes severities, a file Postgres
 * never sees the same way) are listed in NOT_APPLICABLE with the reason; a listed case that agrees after
 * all fails the test, so the list stays honest.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Analysis } from '../../server/src/engine/analyze';
import { loadConfig } from '../../server/src/host/config';
import { decodeUtf8, readFolder } from '../../server/src/host/workspace';
import { analyzeFiles, analyzeInput, FOLDER } from '../support/analyze';
import { runOnPostgres } from '../support/pgFailures';
import { findPostgresBinDir, startPostgres, type MigrationFile, type PgServer } from '../support/postgres';

const SPECS = path.resolve(__dirname, '../specs');
const SINGLE = '20240101000000_migration.sql';

/** Cases whose verdict cannot be compared, keyed `<code>/<case>`, with why. */
const NOT_APPLICABLE: Record<string, string> = {
  'unknown-reference/config-info': 'its configuration makes unknown references `info`',
  'unknown-reference/config-off': 'its configuration turns the rule off',
  'unknown-reference/disable-file': 'an ignore comment silences the rule for the file',
  'unsafe-enum-value/created-same-migration': 'PostgreSQL 15 refuses it (55P04), 17 accepts it: not certain across the versions Supabase runs, so not reported',
};

async function analyzeCase(casePath: string): Promise<{ analysis: Analysis; files: MigrationFile[] }> {
  if (casePath.endsWith('.sql')) {
    const text = decodeUtf8(readFileSync(casePath)).text;
    return { analysis: await analyzeFiles({ [SINGLE]: text }), files: [{ name: SINGLE, text }] };
  }
  const { config } = await loadConfig(casePath);
  const dir = path.join(casePath, 'supabase/migrations');
  const input = await readFolder(dir, config);
  const analysis = await analyzeInput({ ...input, folder: FOLDER });
  const files = analysis.migrations.map((m) => ({ name: m.name, text: decodeUtf8(readFileSync(path.join(dir, m.name))).text }));
  return { analysis, files };
}

/** The first difference between Postgres' verdict and the engine's, up to the first file Postgres fails. */
function disagreement(analysis: Analysis, files: MigrationFile[], failed: Map<string, string>): string | undefined {
  for (const f of files) {
    const errors = analysis.findings.filter((x) => x.severity === 'error' && path.basename(x.file) === f.name);
    const pg = failed.get(f.name);
    if (pg && !errors.length) return `${f.name}: PostgreSQL fails it (${pg}); the engine reports no error`;
    if (!pg && errors.length) return `${f.name}: PostgreSQL applies it; the engine reports ${errors.map((e) => `${e.code} at ${e.range.start.line + 1}:${e.range.start.character + 1}`).join(', ')}`;
    if (pg) return undefined;
  }
  return undefined;
}

const isDir = (p: string) => statSync(p).isDirectory();
const binDir = findPostgresBinDir();

(binDir ? describe : describe.skip)('spec cases agree with PostgreSQL 15 (file by file, like supabase db reset)', function () {
  this.timeout(600_000);
  let server: PgServer;
  before(async () => {
    server = await startPostgres({ binDir: binDir! });
  });
  after(async () => {
    await server?.stop();
  });

  let n = 0;
  for (const code of readdirSync(SPECS).sort()) {
    const dir = path.join(SPECS, code);
    if (!isDir(dir)) continue;
    for (const c of readdirSync(dir).sort()) {
      if (!c.endsWith('.sql') && !isDir(path.join(dir, c))) continue;
      const key = `${code}/${c.replace(/\.sql$/, '')}`;
      it(key, async () => {
        const { analysis, files } = await analyzeCase(path.join(dir, c));
        const run = await runOnPostgres(server, `spec_${n++}`, files, { standins: true, locate: false });
        const failed = new Map(run.results.filter((r) => r.status === 'failed').map((r) => [r.name, `${r.sqlstate} ${r.message}`]));
        const diff = disagreement(analysis, files, failed);
        const reason = NOT_APPLICABLE[key];
        if (reason) assert.ok(diff, `${key} is listed as not applicable (${reason}) but agrees: remove it from the list`);
        else assert.equal(diff, undefined);
      });
    }
  }
});
