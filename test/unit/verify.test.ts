/**
 * `verify`: the whole folder applied in an embedded Postgres (PGlite, PostgreSQL 18 in WASM) with the
 * Supabase shim, failures at their exact place and classified (apply-error / apply-cascade /
 * platform-gap / standin-used), and agreement with a real PostgreSQL 15 on every corpus folder.
 *
 * One snapshot of the shimmed empty cluster is shared by every run (cache dir in the OS temp folder), so
 * only the very first run on a machine pays for initdb + shim.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeFolder, type Analysis } from '../../server/src/engine/analyze';
import { initParser } from '../../server/src/engine/parser';
import { readFolder } from '../../server/src/cli/workspace';
import { verifyAnalysis, type VerifyResult } from '../../server/src/verify/run';
import { missingObject } from '../../server/src/verify/classify';
import { applyMigrations, findPostgresBinDir, platformShimSql, preinstalledStandins, readStandins, standinSql, startPostgres, type ApplyResult, type PgServer } from '../support/postgres';

const ROOT = path.resolve(__dirname, '../..');
const CORPUS_DIR = path.resolve(ROOT, '../shared/corpus');
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
  const analysis = analyzeFolder(input);
  const texts = new Map(analysis.migrations.map((m) => [m.path, input.files.get(m.name)?.text ?? '']));
  return { analysis, texts };
}

async function verifyDir(dir: string, stopAtFirstError = false): Promise<Run> {
  const { analysis, texts } = await load(dir);
  const result = await verifyAnalysis(analysis, { texts, cacheDir: CACHE_DIR, stopAtFirstError });
  return { analysis, texts, result };
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
    await initParser();
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
      run = await verifyDir(path.join(ROOT, 'examples/seed/supabase/migrations'));
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
      const r = await verifyDir(path.join(ROOT, 'examples/seed/supabase/migrations'), true);
      assert.deepEqual(
        r.result.migrations.map((m) => m.status),
        ['ok', 'failed', ...r.result.migrations.slice(2).map(() => 'skipped')],
      );
    });
  });

  it('a failed migration and one that uses its table: one root error, one cascade note', async () => {
    const run = await verifyDir(path.join(FIXTURES, 'cascade/supabase/migrations'));
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
    const run = await verifyDir(path.join(FIXTURES, 'standins/supabase/migrations'));
    assert.deepEqual(
      run.result.migrations.map((m) => m.status),
      ['ok', 'ok'],
    );
    const infos = run.result.findings.filter((f) => f.code === 'standin-used');
    assert.deepEqual(infos.map((f) => [f.object, f.severity, f.range.start.line + 1]), [
      ['pg_net', 'info', 2],
      ['pg_cron', 'info', 3],
    ]);
    assert.equal(run.result.findings.length, 2);
  });

  describe('agreement with a real PostgreSQL 15 on the corpus', function () {
    const folders = fs.existsSync(CORPUS_DIR) ? fs.readdirSync(CORPUS_DIR).filter((f) => fs.existsSync(path.join(CORPUS_DIR, f, 'supabase/migrations'))).sort() : [];
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
      if (measured.length) console.log(`      verify per corpus folder (cold process, snapshot restore):\n${measured.map((l) => '        ' + l).join('\n')}`);
    });
    const seen = new Set<string>();
    for (const folder of folders) {
      it(`${folder}: per-file status and SQLSTATE equal PostgreSQL 15's`, async () => {
        const dir = path.join(CORPUS_DIR, folder, 'supabase/migrations');
        const t0 = Date.now();
        const run = await verifyDir(dir);
        const wall = Date.now() - t0;
        const t = run.result.timings;
        measured.push(
          `${folder.padEnd(15)} ${String(run.analysis.migrations.length).padStart(3)} files  wall ${(wall / 1000).toFixed(1)} s  (start ${(t.startMs / 1000).toFixed(1)} s, snapshot ${t.snapshot}, apply ${(t.applyMs / 1000).toFixed(1)} s)  peak RSS ${t.peakRssMb} MB`,
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
});
