/**
 * `verify`'s schema advisors: our catalog queries on the schema the migrations produced, mapped back to
 * the CREATE that made each object. One folder (test/fixtures/verify/advisors) holds a positive and a
 * negative case for every advisor, a function made by dynamic SQL, an ignore comment and a migration that
 * fails part-way, so one verify run (one worker, one restored cluster) checks them all.
 */
import { strict as assert } from 'node:assert';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeFolder, type Analysis } from '../../server/src/engine/analyze';
import { initParser } from '../../server/src/engine/parser';
import { readFolder } from '../../server/src/host/workspace';
import { ADVISOR_RULES, AdvisorLocator, advisorFindings } from '../../server/src/verify/advisors';
import type { WorkerFileResult } from '../../server/src/verify/protocol';
import { verifyMany, type VerifyResult } from '../../server/src/verify/run';
import { RULE_CODES } from '../../server/src/ruleRegistry';

const ROOT = path.resolve(__dirname, '../..');
const DIR = path.join(ROOT, 'test/fixtures/verify/advisors/supabase/migrations');
const CACHE_DIR = path.join(os.tmpdir(), 'supabase-migrations-verify-test-cache');

interface Run {
  analysis: Analysis;
  texts: Map<string, string>;
  result: VerifyResult;
}

let started: Promise<Run> | undefined;
function run(): Promise<Run> {
  started ??= (async () => {
    await initParser();
    const input = await readFolder(DIR);
    const analysis = analyzeFolder(input);
    const texts = new Map(analysis.migrations.map((m) => [m.path, input.files.get(m.name)?.text ?? '']));
    const [result] = await verifyMany([{ analysis, texts, checkpoints: false }], { cacheDir: CACHE_DIR });
    return { analysis, texts, result };
  })();
  return started;
}

const base = (p: string) => path.basename(p);
/** The source text a finding's range covers. */
function covered(r: Run, f: { file: string; range: { startByte: number; endByte: number } }): string {
  return Buffer.from(r.texts.get(f.file) ?? '', 'utf8').subarray(f.range.startByte, f.range.endByte).toString('utf8');
}

describe('verify: schema advisors', function () {
  this.timeout(180_000);
  let r: Run;
  before(async () => {
    r = await run();
  });

  it('every advisor code is a rule code, documented once', () => {
    for (const a of ADVISOR_RULES) assert.ok((RULE_CODES as readonly string[]).includes(a.code), a.code);
    assert.equal(new Set(ADVISOR_RULES.map((a) => a.code)).size, 8);
  });

  it('the folder applies up to the broken migration and past it', () => {
    assert.deepEqual(
      r.result.migrations.map((m) => [m.name, m.status, m.sqlstate]),
      [
        ['20250301000000_tables.sql', 'ok', undefined],
        ['20250302000000_policies.sql', 'ok', undefined],
        ['20250303000000_functions.sql', 'ok', undefined],
        ['20250304000000_foreign_keys.sql', 'ok', undefined],
        ['20250305000000_indexes.sql', 'ok', undefined],
        ['20250306000000_views.sql', 'ok', undefined],
        ['20250307000000_broken.sql', 'failed', '42P01'],
        ['20250308000000_after_failure.sql', 'ok', undefined],
      ],
    );
  });

  it('reports exactly these findings, each on the CREATE that made the object (file, line, column)', () => {
    assert.deepEqual(
      r.result.findings.map((f) => [f.code, f.severity, base(f.file), f.range.start.line + 1, f.range.start.character, f.object]),
      [
        ['rls-disabled-in-public', 'warning', '20250301000000_tables.sql', 4, 13, 'public.open_notes'],
        ['rls-enabled-no-policy', 'warning', '20250301000000_tables.sql', 20, 13, 'public.locked'],
        ['policy-exists-rls-disabled', 'warning', '20250302000000_policies.sql', 2, 13, 'public.drafts'],
        ['rls-disabled-in-public', 'warning', '20250302000000_policies.sql', 2, 13, 'public.drafts'],
        ['security-definer-search-path', 'warning', '20250303000000_functions.sql', 1, 0, 'public.made_at_runtime()'],
        ['security-definer-search-path', 'warning', '20250303000000_functions.sql', 2, 23, 'public.is_admin()'],
        ['unindexed-foreign-key', 'warning', '20250304000000_foreign_keys.sql', 1, 13, 'public.projects'],
        ['unindexed-foreign-key', 'warning', '20250304000000_foreign_keys.sql', 9, 13, 'public.tasks'],
        ['unindexed-foreign-key', 'warning', '20250304000000_foreign_keys.sql', 9, 13, 'public.tasks'],
        ['duplicate-index', 'warning', '20250305000000_indexes.sql', 11, 13, 'public.events_kind_again_idx'],
        ['duplicate-index', 'warning', '20250305000000_indexes.sql', 17, 20, 'public.events_id_idx'],
        ['no-primary-key', 'info', '20250305000000_indexes.sql', 20, 13, 'public.logs'],
        ['duplicate-index', 'warning', '20250305000000_indexes.sql', 41, 7, 'public.tags_label_idx'],
        ['auth-users-exposed', 'warning', '20250306000000_views.sql', 2, 12, 'public.user_emails'],
        ['apply-error', 'error', '20250307000000_broken.sql', 5, 14, 'public.does_not_exist'],
        ['rls-disabled-in-public', 'warning', '20250308000000_after_failure.sql', 2, 13, 'public.after_failure'],
      ],
    );
    // the range is the object's name as written in its CREATE
    const names = r.result.findings.filter((f) => f.code !== 'apply-error' && f.object !== 'public.made_at_runtime()').map((f) => covered(r, f));
    assert.deepEqual(names, [
      'public.open_notes',
      'public.locked',
      'public.drafts',
      'public.drafts',
      'is_admin', // the engine's name range of a function: its name
      'public.projects',
      'public.tasks',
      'public.tasks',
      'events_kind_again_idx',
      'events_id_idx',
      'public.logs',
      'index', // no name written: the name Postgres gives it (tags_label_idx) is known, at the INDEX keyword
      'public.user_emails',
      'public.after_failure',
    ]);
  });

  /** Per advisor: objects it reports (positive) and objects of the fixture it must not report (negative). */
  const CASES: Record<string, { positive: string[]; negative: string[] }> = {
    'rls-disabled-in-public': {
      positive: ['public.open_notes', 'public.drafts', 'public.after_failure'],
      negative: ['public.notes', 'public.locked', 'private.settings', 'public.half_done'],
    },
    'rls-enabled-no-policy': { positive: ['public.locked'], negative: ['public.notes', 'public.events', 'private.audit'] },
    'policy-exists-rls-disabled': { positive: ['public.drafts'], negative: ['public.notes', 'storage.objects', 'public.open_notes'] },
    'security-definer-search-path': { positive: ['public.is_admin()', 'public.made_at_runtime()'], negative: ['public.is_owner()', 'public.plain()'] },
    'unindexed-foreign-key': { positive: ['public.projects', 'public.tasks'], negative: ['public.notes', 'public.drafts'] },
    'no-primary-key': { positive: ['public.logs'], negative: ['public.ignored_logs', 'public.events', 'private.settings', 'public.half_done'] },
    'duplicate-index': {
      positive: ['public.events_kind_again_idx', 'public.events_id_idx', 'public.tags_label_idx'],
      negative: ['public.events_kind_idx', 'public.events_kind_at_idx', 'public.events_kind_recent_idx', 'public.events_kind_hash_idx', 'public.tasks_project_created_idx'],
    },
    'auth-users-exposed': { positive: ['public.user_emails'], negative: ['public.note_bodies', 'private.user_emails'] },
  };
  for (const [code, c] of Object.entries(CASES)) {
    it(`${code}: reports ${c.positive.join(', ')}; not ${c.negative.join(', ')}`, () => {
      const objects = r.result.findings.filter((f) => f.code === code).map((f) => f.object);
      for (const p of c.positive) assert.ok(objects.includes(p), `${code} reports ${p} (got ${objects.join(', ')})`);
      for (const n of c.negative) assert.ok(!objects.includes(n), `${code} does not report ${n}`);
    });
  }

  it('unindexed-foreign-key: a partial index and a non-leading column do not cover; a leading one does', () => {
    const fks = r.result.findings.filter((f) => f.code === 'unindexed-foreign-key').map((f) => f.message.replace(/ has no index.*/, ''));
    assert.deepEqual(fks, [
      'Foreign key projects_owner_id_fkey on public.projects (owner_id) → auth.users',
      'Foreign key tasks_assignee_id_fkey on public.tasks (assignee_id) → auth.users',
      'Foreign key tasks_reviewer_id_fkey on public.tasks (reviewer_id) → auth.users',
    ]);
  });

  it('related information: the policies of a table without RLS, the index a duplicate repeats', () => {
    const pol = r.result.findings.find((f) => f.code === 'policy-exists-rls-disabled')!;
    assert.deepEqual(
      pol.related.map((x) => [base(x.file), x.range.start.line + 1, x.message, covered(r, x)]),
      [
        ['20250302000000_policies.sql', 7, 'policy "authors read drafts" on public.drafts', '"authors read drafts"'],
        ['20250302000000_policies.sql', 8, 'policy "authors write drafts" on public.drafts', '"authors write drafts"'],
      ],
    );
    assert.match(pol.message, /\("authors read drafts", "authors write drafts"\) but row level security is disabled/);
    const [again, pk, unnamed] = r.result.findings.filter((f) => f.code === 'duplicate-index');
    assert.deepEqual(again.related.map((x) => [x.range.start.line + 1, covered(r, x)]), [[9, 'events_kind_idx']]);
    assert.match(again.message, /same definition as events_kind_idx/);
    // the primary key's index has no CREATE INDEX: it points at the constraint that makes it
    assert.deepEqual(pk.related.map((x) => [x.range.start.line + 1, covered(r, x)]), [[2, 'primary']]);
    assert.match(pk.message, /same definition as events_pkey \(constraint events_pkey\)/);
    // an unnamed CREATE INDEX repeating a unique constraint: the constraint's index at the constraint
    assert.deepEqual(unnamed.related.map((x) => [x.range.start.line + 1, covered(r, x)]), [[37, 'unique']]);
    assert.match(unnamed.message, /Keep the unique one, tags_label_key \(constraint tags_label_key\)\.$/);
  });

  it('an object made by dynamic SQL is put on its migration by OID (top of the file), and says so', () => {
    const f = r.result.findings.find((x) => x.object === 'public.made_at_runtime()')!;
    assert.equal(base(f.file), '20250303000000_functions.sql');
    assert.deepEqual([f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character], [0, 0, 0, 0]);
    assert.match(f.message, /dynamic SQL/);
  });

  it('platform objects (the shim, up to the base OID) and extension members are never reported', () => {
    const report = r.result.advisors!;
    assert.ok(report.baseOid > 16384, `base OID ${report.baseOid}`);
    for (const row of report.rows) assert.ok(row.subject.oid > report.baseOid, `${row.code} ${row.subject.schema}.${row.subject.name}`);
    const schemas = new Set(report.rows.map((x) => x.subject.schema));
    assert.deepEqual([...schemas].sort(), ['public']);
  });

  it('ignore comments apply: the ignored table is in the raw rows, not in the findings', () => {
    assert.ok(r.result.advisors!.rows.some((x) => x.code === 'no-primary-key' && x.subject.name === 'ignored_logs'));
    assert.ok(!r.result.findings.some((f) => f.object === 'public.ignored_logs'));
  });

  it('the config "rules" map switches advisors off or changes their severity', () => {
    const findings = advisorFindings(r.analysis, r.result.raw, r.result.advisors!, { rules: { 'no-primary-key': 'off', 'duplicate-index': 'error', 'rls-disabled-in-public': 'off' } });
    const codes = findings.map((f) => f.code);
    assert.ok(!codes.includes('no-primary-key'));
    assert.ok(!codes.includes('rls-disabled-in-public'));
    assert.deepEqual(findings.filter((f) => f.code === 'duplicate-index').map((f) => f.severity), ['error', 'error', 'error']);
    assert.equal(findings.length, r.result.findings.filter((f) => f.code !== 'apply-error').length - 1 - 3);
  });

  it('maps an OID to the first applied migration whose OID mark reaches it (failed files own nothing)', () => {
    const raw: WorkerFileResult[] = [
      { name: 'a', status: 'ok', standins: [], ms: 0, oidMark: 100 },
      { name: 'b', status: 'failed', standins: [], ms: 0, oidMark: 100 },
      { name: 'c', status: 'ok', standins: [], ms: 0, oidMark: 130 },
    ];
    const loc = new AdvisorLocator(r.analysis, raw, 50);
    assert.deepEqual([40, 50, 51, 100, 101, 130, 131].map((o) => loc.fileOf(o)), [-1, -1, 0, 0, 2, 2, -1]);
  });
});
