/**
 * `verify`: the whole folder applied in an embedded Postgres (PGlite, PostgreSQL 18 in WASM) with the
 * Supabase shim, failures at their exact place and classified (apply-error / apply-cascade /
 * platform-gap / standin-used), and agreement with a real PostgreSQL 15 on every corpus folder.
 *
 * One snapshot of the shimmed empty cluster is shared by every run (cache dir in the OS temp folder), so
 * only the very first run on a machine pays for initdb + shim. Every folder of this file is verified by
 * one worker (verifyMany: one process, one module/WASM load, a fresh restored cluster per folder), started
 * with the CLI runs of the `verify` command when this suite starts, so they overlap.
 */
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeFolder, type Analysis } from '../../server/src/engine/analyze';
import { initParser } from '../../server/src/engine/parser';
import { readFolder } from '../../server/src/host/workspace';
import { verifyMany, type VerifyResult } from '../../server/src/verify/run';
import { missingObject } from '../../server/src/verify/classify';
import { applyMigrations, findPostgresBinDir, platformShimSql, preinstalledStandins, readStandins, standinSql, startPostgres, type ApplyResult, type PgServer } from '../support/postgres';
import { assertValidSarif } from '../support/sarifSchema';

const ROOT = path.resolve(__dirname, '../..');
const CORPUS_DIR = path.resolve(ROOT, 'test/corpus');
const FIXTURES = path.join(ROOT, 'test/fixtures/verify');
const CACHE_DIR = path.join(os.tmpdir(), 'supabase-migrations-verify-test-cache');

/**
 * Where verify (PostgreSQL 18 in PGlite, with pgvector and the stand-ins) and PostgreSQL 15 (test/support,
 * plain SQL shim, no pgvector / pg_net / pg_cron / http / wrappers) legitimately differ, keyed
 * "folder/file": the reason. Any other difference fails the test, and so does a listed one that is gone.
 */
const KNOWN_DIFFERENCES: Record<string, string> = {
  'chatbot-ui/20240108234545_add_file_items.sql':
    'pgvector: real in PGlite; on PG15 only the vector stand-in, which cannot build an hnsw/ivfflat index (0A000 index_am_handler)',
  'chatbot-ui/20240108234549_add_messages.sql':
    'PG15 cascade of 20240108234545_add_file_items.sql (pgvector index; see above); applies in PGlite',
  'chatbot-ui/20240125192042_upgrade_openai_models.sql':
    'PG15 cascade of 20240108234545_add_file_items.sql (pgvector index; see above); applies in PGlite',
  'chatbot-ui/20240212063532_add_at_assistants.sql':
    'PG15 cascade of 20240108234545_add_file_items.sql (pgvector index; see above); applies in PGlite',
  'oriva-platform/20251010015852_remote_schema.sql':
    'pgvector: real in PGlite; on PG15 only the vector stand-in, which cannot build an hnsw/ivfflat index (0A000 index_am_handler)',
  'oriva-platform/20251010052245_fix_group_policies_circular_dependency.sql':
    'PG15 cascade of 20251010015852_remote_schema.sql (pgvector index; see above); applies in PGlite',
  'oriva-platform/20251010170301_fix_responses_unique_constraint.sql':
    'PG15 cascade of 20251010015852_remote_schema.sql (pgvector index; see above); applies in PGlite',
  'oriva-platform/20251010172941_fix_anonymous_responses_rls_policy.sql':
    'PG15 cascade of 20251010015852_remote_schema.sql (pgvector index; see above); applies in PGlite',
  'oriva-platform/20251010185247_add_media_column_to_responses.sql':
    'PG15 cascade of 20251010015852_remote_schema.sql (pgvector index; see above); applies in PGlite',
  'oriva-platform/20251010220944_create_document_chunks_table.sql':
    'PG15 cascade of 20251010015852_remote_schema.sql (pgvector index; see above); applies in PGlite',
  'oriva-platform/20251010221537_add_match_document_chunks_function.sql':
    'PG15 cascade of 20251010015852_remote_schema.sql (pgvector index; see above); applies in PGlite',
  'oriva-platform/20251011150729_fix_groups_insert_policy.sql':
    'PG15 cascade of 20251010015852_remote_schema.sql (pgvector index; see above); applies in PGlite',
  'oriva-platform/20251011151901_document_local_rls_workaround.sql':
    'PG15 cascade of 20251010015852_remote_schema.sql (pgvector index; see above); applies in PGlite',
  'oriva-platform/20251012055946_add_developer_rls_policies_plugin_marketplace_apps.sql':
    'PG15 cascade of 20251010015852_remote_schema.sql (pgvector index; see above); applies in PGlite',
  'oriva-platform/20251012060229_fix_admin_policies_plugin_marketplace_apps.sql':
    'PG15 cascade of 20251010015852_remote_schema.sql (pgvector index; see above); applies in PGlite',
  'oriva-platform/20251012062412_add_test_user_as_admin_local.sql':
    'PG15 cascade of 20251010015852_remote_schema.sql (pgvector index; see above); applies in PGlite',
  'oriva-platform/20251013194205_add_content_topics_table.sql':
    'PG15 cascade of 20251010015852_remote_schema.sql (pgvector index; see above); applies in PGlite',
  'oriva-platform/20251014035340_fix_users_insert_policy.sql':
    'PG15 cascade of 20251010015852_remote_schema.sql (pgvector index; see above); applies in PGlite',
  'oriva-platform/20251017000001_add_dm_tables.sql':
    'PG15 cascade of 20251010015852_remote_schema.sql (pgvector index; see above); applies in PGlite',
  'oriva-platform/20251017000002_fix_dm_conversations_rls.sql':
    'PG15 cascade of 20251010015852_remote_schema.sql (pgvector index; see above); applies in PGlite',
  'oriva-platform/20251017000003_fix_rls_for_profile_based_access.sql':
    'PG15 cascade of 20251010015852_remote_schema.sql (pgvector index; see above); applies in PGlite',
  'oriva-platform/20251017000004_apply_dm_rls_policies.sql':
    'both fail, differently: on PG15 the file’s own guard raises (P0001) because public.profiles is missing (cascade of remote_schema); in PGlite everything before applied, so the policy it creates already exists (42710)',
  'oriva-platform/20251017150526_create_oauth_clients.sql':
    'PG15 cascade of 20251010015852_remote_schema.sql (pgvector index; see above); applies in PGlite',
  'oriva-platform/20251017150527_create_oauth_authorization_codes.sql':
    'PG15 cascade of 20251010015852_remote_schema.sql (pgvector index; see above); applies in PGlite',
  'oriva-platform/20251017150528_create_refresh_tokens.sql':
    'both fail: PG15 stops earlier on the missing schema hugo_love (cascade of remote_schema); PGlite reaches the real error, now() in a partial-index predicate (42P17)',
  'oriva-platform/20251017150529_add_auth_provider_to_profiles.sql':
    'PG15 cascade of 20251010015852_remote_schema.sql (pgvector index; see above); applies in PGlite',
};

interface Run {
  analysis: Analysis;
  texts: Map<string, string>;
  result: VerifyResult;
}

async function load(dir: string): Promise<{ analysis: Analysis; texts: Map<string, string> }> {
  const input = await readFolder(dir);
  // the folder's grammar (its config.toml's major version): a run of this file alone has loaded no other
  await initParser({ versions: [input.config?.postgresVersion] });
  const analysis = analyzeFolder(input);
  const texts = new Map(analysis.migrations.map((m) => [m.path, input.files.get(m.name)?.text ?? '']));
  return { analysis, texts };
}

/** Verifies several folders in one worker (in order). */
async function verifyDirs(jobs: { dir: string; stopAtFirstError?: boolean }[]): Promise<Run[]> {
  await initParser();
  const loaded = await Promise.all(jobs.map((j) => load(j.dir)));
  const results = await verifyMany(
    // full runs (checkpoints have their own tests, verify-checkpoints.test.ts)
    loaded.map((l, i) => ({ ...l, stopAtFirstError: jobs[i].stopAtFirstError, checkpoints: false })),
    { cacheDir: CACHE_DIR },
  );
  return loaded.map((l, i) => ({ ...l, result: results[i] }));
}

const SEED = path.join(ROOT, 'examples/seed/supabase/migrations');
/** The corpus folders verify is compared with PostgreSQL 15 on (the first five; the real-world harness has the rest). */
const CORPUS_FOLDERS = ['basejump', 'chatbot-ui', 'oriva-platform', 'quivr', 'studyu'].filter((f) => fs.existsSync(path.join(CORPUS_DIR, f, 'supabase/migrations')));
/** Everything this file verifies, by name: one worker, started in the root hook below. */
const JOBS: Record<string, { dir: string; stopAtFirstError?: boolean }> = {
  seed: { dir: SEED },
  'seed-stop': { dir: SEED, stopAtFirstError: true },
  cascade: { dir: path.join(FIXTURES, 'cascade/supabase/migrations') },
  standins: { dir: path.join(FIXTURES, 'standins/supabase/migrations') },
  // (the corpus folders only when the PostgreSQL 15 they are compared with is there)
  ...Object.fromEntries((findPostgresBinDir() ? CORPUS_FOLDERS : []).map((f) => [`corpus:${f}`, { dir: path.join(CORPUS_DIR, f, 'supabase/migrations') }])),
};
let batch: Promise<Map<string, Run>> | undefined;
const batchStart = Date.now();
let batchMs = 0;
function runs(): Promise<Map<string, Run>> {
  batch ??= verifyDirs(Object.values(JOBS)).then((r) => {
    batchMs = Date.now() - batchStart;
    return new Map(Object.keys(JOBS).map((k, i) => [k, r[i]]));
  });
  return batch;
}
const verified = async (name: string): Promise<Run> => (await runs()).get(name)!;

// --- the CLI (dist/cli.js, the bundle) ------------------------------------------------------------------
const CLI = path.join(ROOT, 'dist/cli.js');
interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}
function cli(args: string[], cwd = ROOT): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { cwd, env: { ...process.env, SUPABASE_MIGRATIONS_CACHE_DIR: CACHE_DIR, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr }),
    );
  });
}
/** A project whose only finding is an advisor warning, and the same with a config that makes it an error. */
const TMP_DIRS: string[] = [];
function advisorProject(config?: object): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-verify-cli-'));
  TMP_DIRS.push(dir);
  fs.mkdirSync(path.join(dir, 'supabase/migrations'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'supabase/migrations/20250101000000_t.sql'), 'create table public.t (\n  id integer primary key\n);\n');
  if (config) fs.writeFileSync(path.join(dir, '.supabase-migrations.json'), JSON.stringify(config));
  return dir;
}
const CLI_RUNS: Record<string, () => Promise<CliRun>> = {
  json: () => cli(['verify', 'examples/seed', '--format', 'json', '--no-progress']),
  sarif: () => cli(['verify', 'examples/seed', '--format', 'sarif', '--no-progress']),
  github: () => cli(['verify', 'examples/seed', '--format=github', '--no-progress']),
  text: () => cli(['verify', 'examples/seed', '--no-advisors', '--no-color', '--no-progress']),
  'advisor-warning': () => cli(['verify', advisorProject(), '--format', 'json', '--no-progress']),
  'advisor-error': () => cli(['verify', advisorProject({ rules: { 'rls-disabled-in-public': 'error' } }), '--format', 'json', '--no-progress']),
};
let cliRuns: Map<string, Promise<CliRun>> | undefined;
function cliRun(name: string): Promise<CliRun> {
  cliRuns ??= new Map(Object.entries(CLI_RUNS).map(([k, f]) => [k, fs.existsSync(CLI) ? f() : Promise.resolve({ code: -1, stdout: '', stderr: 'no dist/cli.js' })]));
  return cliRuns.get(name)!;
}

const base = (p: string) => path.basename(p);

/**
 * Give PostgreSQL 15 what verify has: every `create extension X` of an extension this PG15 lacks is replaced
 * by X's stand-in SQL (once per folder; in the WITH SCHEMA schema, its fixed schema, or public), and the
 * preinstalled stand-ins (pg_graphql, supabase_vault) become no-ops. Positions shift; only per-file status
 * and SQLSTATE are compared.
 */
function withStandinsForPg15(analysis: Analysis, texts: Map<string, string>, available: Set<string>): { name: string; text: string }[] {
  const standins = new Map(readStandins().map((s) => [s.name, s]));
  const installed = new Set(preinstalledStandins());
  return analysis.migrations.map((m, i) => {
    const text = texts.get(m.path) ?? '';
    const bytes = Buffer.from(text, 'utf8');
    const cuts: { start: number; end: number; sql: string }[] = [];
    for (const st of analysis.facts[i].statements) {
      if (st.nodeType !== 'CreateExtensionStmt') continue;
      const sql = bytes.subarray(st.range.startByte, st.range.endByte).toString('utf8');
      const mm = /create\s+extension\s+(?:if\s+not\s+exists\s+)?"?([\w-]+)"?(?:\s+(?:with\s+)?schema\s+"?(\w+)"?)?/i.exec(sql);
      if (!mm || available.has(mm[1])) continue;
      const info = standins.get(mm[1]);
      if (!info) continue;
      const replacement = installed.has(info.name) ? 'select 1' : standinSql(info, mm[2] ?? info.schema ?? 'public');
      installed.add(info.name);
      cuts.push({ start: st.range.startByte, end: st.range.endByte, sql: replacement });
    }
    let out = text;
    if (cuts.length) {
      const parts: string[] = [];
      let at = 0;
      for (const c of cuts) {
        parts.push(bytes.subarray(at, c.start).toString('utf8'), c.sql);
        at = c.end;
      }
      parts.push(bytes.subarray(at).toString('utf8'));
      out = parts.join('');
    }
    return { name: m.name, text: out };
  });
}

describe('verify (embedded Postgres)', function () {
  this.timeout(180_000);
  before(async () => {
    // Start the worker and the CLI runs at once (not awaited here), so that they overlap with each other
    // and with the tests; every test awaits what it needs. (In this suite's hook, not a root hook, so that
    // the rest of the unit tests never run alongside them.)
    void runs().catch(() => undefined);
    void cliRun('json');
    await initParser();
  });
  after(async () => {
    if (cliRuns) await Promise.all(cliRuns.values());
    for (const d of TMP_DIRS) fs.rmSync(d, { recursive: true, force: true });
  });

  describe('classification helpers', () => {
    it('extracts the missing object from Postgres messages', () => {
      assert.deepEqual(missingObject({ sqlstate: '42P01', message: 'relation "copilot_internal.tenants" does not exist' }), { kind: 'relation', name: 'tenants', display: 'copilot_internal.tenants' });
      assert.equal(missingObject({ sqlstate: '42883', message: 'function public.f(integer) does not exist' })?.name, 'f');
      assert.equal(missingObject({ sqlstate: '42703', message: 'column "owner_id" of relation "t" does not exist' })?.name, 'owner_id');
      assert.equal(missingObject({ sqlstate: '3F000', message: 'schema "basejump" does not exist' })?.kind, 'schema');
      assert.equal(missingObject({ sqlstate: '42601', message: 'syntax error at or near "x"' }), undefined);
    });
  });

  describe('examples/seed', () => {
    let run: Run;
    before(async () => {
      run = await verified('seed');
    });
    it('reports the forward reference at the failing statement, confirmed by Postgres', () => {
      const f = run.result.findings.find((x) => base(x.file) === '20251229000000_tenant_llm_policies.sql');
      assert.ok(f, 'a finding in 20251229000000_tenant_llm_policies.sql');
      assert.equal(f.code, 'apply-error');
      assert.equal(f.sqlstate, '42P01');
      assert.equal(f.range.start.line + 1, 17);
      assert.match(f.message, /confirmed by Postgres/);
      assert.equal(f.object, 'copilot_internal.tenants');
      const m = run.result.migrations.find((x) => x.name === '20251229000000_tenant_llm_policies.sql');
      assert.equal(m?.status, 'failed');
      assert.equal(m?.sqlstate, '42P01');
    });
    it('stops at the first error with --stop-at-first-error', async () => {
      const r = await verified('seed-stop');
      assert.deepEqual(
        r.result.migrations.map((m) => m.status),
        ['ok', 'failed', ...r.result.migrations.slice(2).map(() => 'skipped')],
      );
    });
  });

  it('a failed migration and one that uses its table: one root error, one cascade note', async () => {
    const run = await verified('cascade');
    assert.deepEqual(
      run.result.migrations.map((m) => [m.name, m.status, m.sqlstate]),
      [
        ['20250101000000_accounts.sql', 'failed', '42704'],
        ['20250102000000_projects.sql', 'cascade', '42P01'],
        ['20250103000000_tags.sql', 'ok', undefined],
      ],
    );
    const errors = run.result.findings.filter((f) => f.code === 'apply-error');
    const cascades = run.result.findings.filter((f) => f.code === 'apply-cascade');
    assert.equal(errors.length, 1);
    assert.equal(cascades.length, 1);
    assert.equal(errors[0].range.start.line + 1, 9); // `theme txet`
    assert.equal(errors[0].range.start.character, 8);
    assert.equal(cascades[0].severity, 'warning');
    assert.equal(cascades[0].range.start.line + 1, 4); // references public.accounts
    assert.equal(cascades[0].related[0].file, errors[0].file);
    assert.deepEqual(cascades[0].related[0].range, errors[0].range);
  });

  it('pg_net / pg_cron: stand-ins are installed, reported as info, and dependent migrations apply', async () => {
    const run = await verified('standins');
    assert.deepEqual(
      run.result.migrations.map((m) => m.status),
      ['ok', 'ok'],
    );
    const infos = run.result.findings.filter((f) => f.code === 'standin-used');
    assert.deepEqual(infos.map((f) => [f.object, f.severity, f.range.start.line + 1]), [
      ['pg_net', 'info', 2],
      ['pg_cron', 'info', 3],
    ]);
    // and the schema advisors, on the same run: public.webhooks has no row level security
    assert.deepEqual(
      run.result.findings.map((f) => [f.code, base(f.file), f.range.start.line + 1]),
      [
        ['standin-used', '20250201000000_extensions.sql', 2],
        ['standin-used', '20250201000000_extensions.sql', 3],
        ['rls-disabled-in-public', '20250202000000_jobs.sql', 2],
      ],
    );
  });

  describe('agreement with a real PostgreSQL 15 on the corpus', function () {
    const folders = CORPUS_FOLDERS;
    let server: PgServer | undefined;
    let available = new Set<string>();
    const measured: string[] = [];
    before(async function () {
      if (!folders.length || !findPostgresBinDir()) this.skip();
      server = await startPostgres();
      available = new Set((await server.query<{ name: string }>('select name from pg_available_extensions')).map((r) => r.name));
    });
    after(async () => {
      await server?.stop();
      if (measured.length) console.log(`      verify per corpus folder (one worker for all ${Object.keys(JOBS).length} folders of this file, ${(batchMs / 1000).toFixed(1)} s in all; snapshot restore per folder):\n${measured.map((l) => '        ' + l).join('\n')}`);
    });
    const seen = new Set<string>();
    for (const folder of folders) {
      it(`${folder}: per-file status and SQLSTATE equal PostgreSQL 15's`, async () => {
        const run = await verified(`corpus:${folder}`);
        const t = run.result.timings;
        measured.push(
          `${folder.padEnd(15)} ${String(run.analysis.migrations.length).padStart(3)} files  start ${(t.startMs / 1000).toFixed(1)} s (snapshot ${t.snapshot}), apply + advisors ${(t.applyMs / 1000).toFixed(1)} s, worker peak RSS ${t.peakRssMb} MB`,
        );
        const pg15: ApplyResult[] = await applyMigrations(
          server!,
          `verify_${folder.replace(/[^a-z0-9]/gi, '_')}`,
          withStandinsForPg15(run.analysis, run.texts, available),
          { shimSql: platformShimSql() },
        );
        const diffs: string[] = [];
        run.result.migrations.forEach((m, i) => {
          const p = pg15[i];
          const vStatus = m.status === 'cascade' ? 'failed' : m.status;
          const key = `${folder}/${m.name}`;
          if (vStatus !== p.status || (m.sqlstate ?? '') !== (p.sqlstate ?? '')) {
            const line = `${key}: verify ${m.status}${m.sqlstate ? ' ' + m.sqlstate : ''} (${run.result.raw[i].error?.message ?? ''}) vs PG15 ${p.status}${p.sqlstate ? ' ' + p.sqlstate : ''} (${p.message ?? ''})`;
            if (KNOWN_DIFFERENCES[key]) seen.add(key);
            else diffs.push(line);
          }
        });
        const stale = Object.keys(KNOWN_DIFFERENCES).filter((k) => k.startsWith(folder + '/') && !seen.has(k));
        assert.deepEqual(diffs, [], 'unlisted differences');
        assert.deepEqual(stale, [], 'listed differences that no longer happen');
      });
    }
  });
  describe('the verify command (dist/cli.js, all formats)', function () {
    before(function () {
      if (!fs.existsSync(CLI)) this.skip(); // `npm run build` first
    });
    const SEED_FILES = [
      ['20251201000000_initial_schema.sql', 'ok'],
      ['20251229000000_tenant_llm_policies.sql', 'failed'],
      ['20260105000000_multi_tenant_user_model.sql', 'ok'],
      ['20260105000001_tenant_member_policies.sql', 'ok'],
      ['20260105000002_tenant_overview_view.sql', 'failed'],
    ];

    it('--format json: exit 1, migrations with statuses, diagnostics with SQLSTATE, advisors included', async () => {
      const r = await cliRun('json');
      assert.equal(r.code, 1, r.stderr);
      const out = JSON.parse(r.stdout) as {
        migrations: { file: string; version: string; status: string; sqlstate?: string }[];
        diagnostics: { file: string; code: string; severity: string; sqlstate?: string; range: { start: { line: number } } }[];
        timings: { applyMs: number };
      };
      assert.deepEqual(
        out.migrations.map((m) => [path.basename(m.file), m.status]),
        SEED_FILES,
      );
      assert.deepEqual(out.migrations[1], { file: 'examples/seed/supabase/migrations/20251229000000_tenant_llm_policies.sql', version: '20251229000000', status: 'failed', sqlstate: '42P01' });
      assert.equal(out.migrations[0].sqlstate, undefined);
      assert.deepEqual(
        out.diagnostics.map((d) => [d.code, d.severity, path.basename(d.file), d.range.start.line + 1, d.sqlstate]),
        [
          ['apply-error', 'error', '20251229000000_tenant_llm_policies.sql', 17, '42P01'],
          ['unindexed-foreign-key', 'warning', '20260105000000_multi_tenant_user_model.sql', 2, undefined],
          ['unindexed-foreign-key', 'warning', '20260105000000_multi_tenant_user_model.sql', 9, undefined],
          ['apply-error', 'error', '20260105000002_tenant_overview_view.sql', 5, '42P01'],
        ],
      );
      assert.equal(typeof out.timings.applyMs, 'number');
    });

    it('--format sarif: verify and advisor rules, ruleIndex into them, sqlstate properties', async () => {
      const r = await cliRun('sarif');
      assert.equal(r.code, 1, r.stderr);
      const sarif = JSON.parse(r.stdout) as {
        version: string;
        runs: { tool: { driver: { rules: { id: string; helpUri: string; defaultConfiguration: { level: string } }[] } }; results: { ruleId: string; ruleIndex: number; level: string; properties?: { sqlstate?: string }; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[];
      };
      assert.equal(sarif.version, '2.1.0');
      assertValidSarif(sarif, 'verify --format sarif');
      const run = sarif.runs[0];
      const ids = run.tool.driver.rules.map((x) => x.id);
      for (const id of ['apply-error', 'apply-cascade', 'platform-gap', 'standin-used', 'rls-disabled-in-public', 'unindexed-foreign-key', 'auth-users-exposed', 'no-primary-key', 'forward-reference']) assert.ok(ids.includes(id), id);
      assert.equal(new Set(ids).size, ids.length, 'rule ids are unique');
      assert.equal(run.tool.driver.rules.find((x) => x.id === 'no-primary-key')?.defaultConfiguration.level, 'note');
      assert.equal(run.tool.driver.rules.find((x) => x.id === 'duplicate-index')!.helpUri, 'https://github.com/supabase-migrations/supabase-migrations/blob/main/docs/rules/duplicate-index.md');
      assert.deepEqual(
        run.results.map((x) => [x.ruleId, x.level, x.locations[0].physicalLocation.region.startLine, x.properties?.sqlstate]),
        [
          ['apply-error', 'error', 17, '42P01'],
          ['unindexed-foreign-key', 'warning', 2, undefined],
          ['unindexed-foreign-key', 'warning', 9, undefined],
          ['apply-error', 'error', 5, '42P01'],
        ],
      );
      for (const x of run.results) assert.equal(ids[x.ruleIndex], x.ruleId);
    });

    it('--format github: one annotation per finding, then the counts and the summary', async () => {
      const r = await cliRun('github');
      assert.equal(r.code, 1, r.stderr);
      const lines = r.stdout.trimEnd().split('\n');
      const annotations = lines.filter((l) => l.startsWith('::'));
      assert.deepEqual(
        annotations.map((l) => /^::(\w+) file=([^,]+),line=(\d+),col=\d+,.*title=([\w-]+)::/.exec(l)!.slice(1)),
        [
          ['error', 'examples/seed/supabase/migrations/20251229000000_tenant_llm_policies.sql', '17', 'apply-error'],
          ['warning', 'examples/seed/supabase/migrations/20260105000000_multi_tenant_user_model.sql', '2', 'unindexed-foreign-key'],
          ['warning', 'examples/seed/supabase/migrations/20260105000000_multi_tenant_user_model.sql', '9', 'unindexed-foreign-key'],
          ['error', 'examples/seed/supabase/migrations/20260105000002_tenant_overview_view.sql', '5', 'apply-error'],
        ],
      );
      assert.match(annotations[0], /::relation "copilot_internal\.tenants" does not exist \(SQLSTATE 42P01\)/);
      assert.ok(lines.includes('supabase-migrations: 2 error(s), 2 warning(s)'), r.stdout);
      assert.match(lines[lines.length - 1], /^verify: 5 migrations: 3 ok, 2 failed, 0 cascade, 0 skipped; 2 advisor findings — PostgreSQL 18/);
    });

    it('--format text (default) with --no-advisors: the failures at their lines, no advisor finding', async () => {
      const r = await cliRun('text');
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stdout, /20251229000000_tenant_llm_policies\.sql:17:\d+/);
      assert.match(r.stdout, /apply-error/);
      assert.doesNotMatch(r.stdout, /unindexed-foreign-key/);
      assert.match(r.stdout, /verify: 5 migrations: 3 ok, 2 failed, 0 cascade, 0 skipped; 0 advisor findings/);
    });

    it('advisors are warnings (exit 0) unless the config "rules" makes them errors (exit 1)', async () => {
      const warn = await cliRun('advisor-warning');
      assert.equal(warn.code, 0, warn.stderr);
      const w = JSON.parse(warn.stdout) as { migrations: { status: string }[]; diagnostics: { code: string; severity: string; range: { start: { line: number; character: number } } }[] };
      assert.deepEqual(w.migrations.map((m) => m.status), ['ok']);
      assert.deepEqual(w.diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character]), [['rls-disabled-in-public', 'warning', 0, 13]]);
      const err = await cliRun('advisor-error');
      assert.equal(err.code, 1, err.stderr);
      assert.deepEqual((JSON.parse(err.stdout) as typeof w).diagnostics.map((d) => [d.code, d.severity]), [['rls-disabled-in-public', 'error']]);
    });

    it('usage errors exit 2 (before any Postgres starts)', async () => {
      const cases: [string[], RegExp][] = [
        [['verify', 'examples/seed', '--format', 'xml'], /unknown format "xml"/],
        [['verify', 'examples/seed', '--bogus'], /unknown option --bogus/],
        [['verify', 'no/such/dir'], /no such directory/],
        [['verify', 'examples/seed', '--format'], /--format needs a value/],
        [['verify', 'a', 'b'], /too many arguments/],
      ];
      const results = await Promise.all(cases.map(([args]) => cli(args)));
      results.forEach((r, i) => {
        assert.equal(r.code, 2, `${cases[i][0].join(' ')}: ${r.stderr}`);
        assert.match(r.stderr, cases[i][1]);
        assert.equal(r.stdout, '');
      });
    });
  });
});
