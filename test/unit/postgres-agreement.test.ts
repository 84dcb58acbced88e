/**
 * Agreement between the static engine and a real PostgreSQL 15.
 *
 * Every corpus folder, the bundled example and a few small fixture folders are applied in order to a
 * throwaway PostgreSQL 15 (with the Supabase platform shim, like `supabase db reset` would), and what
 * Postgres says is compared with the engine's findings:
 *
 *  - every PG failure is classified from its SQLSTATE / message and the files:
 *      forward       the missing object is created by a LATER file (and by no earlier file that failed);
 *      platform-gap  an extension this machine does not have (pgvector, pg_cron, http, wrappers, ...);
 *      cascade       the missing object would have been created by an EARLIER file that failed, or by an
 *                    extension that failed to install (looked up in the extension stand-ins);
 *    a failure none of these explains is "absent" (nothing creates the object, or it was dropped): the
 *    engine must then report an unknown-reference / dropped-reference error on that object in that file;
 *    a failure that is not about a missing object at all is "other" (duplicate object, syntax error, ...):
 *    the engine must report an error of the matching rule (or any error) in that file.
 *  - every PG `forward` failure must be a static forward-reference ERROR on the same object in the file;
 *  - every static error-severity forward-/unknown-/dropped-reference finding must be in a file that PG
 *    fails, either on that object ("confirmed") or on something earlier in the file ("masked": a file
 *    stops at its first error, so PG never reached our finding);
 *  - basejump and studyu apply fully, and the engine reports no error for them.
 *
 * Disagreements that are understood are listed in KNOWN_DISAGREEMENTS (keyed "folder/file") with a reason;
 * any other disagreement fails the test, and so does a listed one that no longer happens.
 *
 * Postgres only reports an error position for some statements (not, e.g., for CREATE POLICY expressions
 * or ALTER TABLE targets). For those, the failing statement is found by replaying the folder in a second
 * database and running the failing file statement by statement (statement bounds from the Postgres
 * parser; the same SQLSTATE + message must reproduce), and the position is estimated as the first
 * occurrence of the missing object's name in that statement.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeFolder, type Analysis } from '../../server/src/engine/analyze';
import { initParser } from '../../server/src/engine/parser';
import type { Finding } from '../../server/src/engine/types';
import { readFolder } from '../../server/src/host/workspace';
import { analyzeFiles } from '../support/analyze';
import { parseQName, runOnPostgres, sameName, type Failure, type QName } from '../support/pgFailures';
import { findPostgresBinDir, startPostgres, type ApplyResult, type MigrationFile, type PgServer } from '../support/postgres';

const ROOT = path.resolve(__dirname, '../..');
/** The real corpus, copied into the repository (sources and licenses in test/corpus/NOTICE.md). */
const CORPUS_DIR = path.resolve(ROOT, 'test/corpus');
const SEED_DIR = path.join(ROOT, 'examples/seed/supabase/migrations');

/** Folders that apply fully on PG15: the engine must report no error at all. */
const CLEAN_FOLDERS = new Set(['basejump', 'studyu']);
/** The corpus folders this test applies (see KNOWN_DISAGREEMENTS). */
const AGREEMENT_FOLDERS = ['basejump', 'chatbot-ui', 'oriva-platform', 'quivr', 'studyu'];

/**
 * Understood disagreements, keyed "folder/file" (file = migration file name). Each entry is a one-line
 * reason. An unlisted disagreement fails the suite; a listed one that no longer occurs fails it too.
 */
const KNOWN_DISAGREEMENTS: Record<string, string> = {};

// ---------------------------------------------------------------------------------------------------
// the comparison

interface FolderReport {
  folder: string;
  files: MigrationFile[];
  results: ApplyResult[];
  analysis: Analysis;
  failures: Failure[];
  staticErrors: Finding[];
  confirmed: { finding: Finding; failure: Failure }[];
  masked: { finding: Finding; failure: Failure }[];
  disagreements: { key: string; what: string }[];
}

const REF_CODES = new Set(['forward-reference', 'unknown-reference', 'dropped-reference']);

/** For failures that are not about a missing object: the engine findings that would explain them. */
const OTHER_CODES: Record<string, string[]> = {
  '42710': ['duplicate-object'], // duplicate_object
  '42P07': ['duplicate-object'], // duplicate_table
  '42723': ['duplicate-object'], // duplicate_function
  '42P06': ['duplicate-object'], // duplicate_schema
  '42601': ['syntax-error'],
  '22021': ['invalid-encoding'],
};

function fileIndexOf(a: Analysis, f: Finding): number {
  return a.migrations.findIndex((m) => m.path === f.file);
}

function findingObject(f: Finding): QName | null {
  return f.object ? parseQName(f.object) : null;
}

function compare(folder: string, files: MigrationFile[], results: ApplyResult[], analysis: Analysis, failures: Failure[]): FolderReport {
  const disagreements: { key: string; what: string }[] = [];
  const confirmed: FolderReport['confirmed'] = [];
  const masked: FolderReport['masked'] = [];
  const key = (i: number) => `${folder}/${files[i].name}`;
  const staticErrors = analysis.findings.filter((f) => f.severity === 'error');
  const failureAt = new Map(failures.map((f) => [f.index, f]));

  // the engine applies (and the test feeds PG) the same files in the same order
  assert.deepEqual(
    analysis.migrations.map((m) => m.name),
    files.map((f) => f.name),
  );

  // static reference errors → PG must fail there
  for (const f of staticErrors) {
    if (!REF_CODES.has(f.code)) continue;
    const i = fileIndexOf(analysis, f);
    const obj = findingObject(f);
    const where = `${f.code} ${f.object ?? '?'} at line ${f.range.start.line + 1}`;
    const failure = failureAt.get(i);
    if (!failure) {
      disagreements.push({ key: key(i), what: `engine: ${where}, but PG applies the file` });
      continue;
    }
    const sameObject = !!obj && !!failure.missing && failure.missing.kind !== 'column' && sameName(failure.missing.name, obj);
    const findingIdx = Buffer.from(files[i].text, 'utf8').subarray(0, f.range.startByte).toString('utf8').length;
    if (sameObject && (f.code !== 'forward-reference' || failure.kind === 'forward')) confirmed.push({ finding: f, failure });
    else if (failure.at >= 0 && failure.at < findingIdx && !sameObject) masked.push({ finding: f, failure });
    else
      disagreements.push({
        key: key(i),
        what: `engine: ${where}, but PG fails ${failure.at < 0 ? 'at an unknown place' : `at line ${failure.line + 1}`} with ${failure.result.sqlstate} "${failure.result.message}" (${failure.kind})`,
      });
  }

  // PG failures → the engine must say so when the cause is inside the folder
  for (const fl of failures) {
    if (fl.kind === 'platform-gap' || fl.kind === 'cascade') continue;
    const want = fl.kind === 'forward' ? ['forward-reference'] : fl.kind === 'absent' ? ['unknown-reference', 'dropped-reference'] : OTHER_CODES[fl.result.sqlstate ?? ''] ?? ['(any)'];
    const match = staticErrors.find(
      (f) =>
        fileIndexOf(analysis, f) === fl.index &&
        (fl.kind === 'other'
          ? want.includes(f.code) || want[0] === '(any)'
          : want.includes(f.code) && !!fl.missing && !!findingObject(f) && sameName(findingObject(f)!, fl.missing.name)),
    );
    if (!match) {
      const near = analysis.findings
        .filter((f) => fileIndexOf(analysis, f) === fl.index && REF_CODES.has(f.code))
        .map((f) => `${f.severity} ${f.code} ${f.object} line ${f.range.start.line + 1}`);
      disagreements.push({
        key: key(fl.index),
        what: `PG: ${fl.result.sqlstate} "${fl.result.message}" at line ${fl.line + 1}${fl.estimated ? ' (estimated)' : ''} (${fl.kind}), but the engine reports no ${want.join('/')} error on it${near.length ? ` (it has: ${near.join('; ')})` : ''}`,
      });
    }
  }

  if (CLEAN_FOLDERS.has(folder)) {
    for (const r of results) if (r.status !== 'ok') disagreements.push({ key: `${folder}/${r.name}`, what: `PG fails (${r.sqlstate} ${r.message}) in a folder expected to apply fully` });
    for (const f of staticErrors) {
      const i = fileIndexOf(analysis, f);
      if (!REF_CODES.has(f.code) || !failureAt.has(i))
        disagreements.push({ key: `${folder}/${path.basename(f.file)}`, what: `engine: ${f.code} error ${f.object ?? ''} at line ${f.range.start.line + 1} in a folder PG applies fully` });
    }
  }
  return { folder, files, results, analysis, failures, staticErrors, confirmed, masked, disagreements };
}

function countBy<T>(xs: T[], k: (x: T) => string): string {
  const m = new Map<string, number>();
  for (const x of xs) m.set(k(x), (m.get(k(x)) ?? 0) + 1);
  return [...m].map(([a, b]) => `${a} ${b}`).join(', ') || '-';
}

function printReport(r: FolderReport): void {
  const ok = r.results.filter((x) => x.status === 'ok').length;
  console.log(
    `      ${r.folder.padEnd(16)} files ${String(r.files.length).padStart(3)} | PG ok ${String(ok).padStart(3)} failed ${String(r.results.length - ok).padStart(3)}` +
      ` | failures: ${countBy(r.failures, (f) => f.kind)} | static errors: ${countBy(r.staticErrors, (f) => f.code)}` +
      ` | confirmed ${r.confirmed.length}, masked ${r.masked.length} | disagreements ${r.disagreements.length}`,
  );
  if (process.env.AGREEMENT_VERBOSE)
    for (const f of r.failures)
      console.log(`        ${f.kind.padEnd(12)} ${f.file}:${f.line + 1}${f.estimated ? '~' : ''} ${f.result.sqlstate} ${f.result.message}`);
  for (const m of r.masked) console.log(`        masked: ${path.basename(m.finding.file)}:${m.finding.range.start.line + 1} ${m.finding.code} ${m.finding.object} (PG failed first at line ${m.failure.line + 1}: ${m.failure.result.message})`);
  for (const d of r.disagreements) console.log(`        ${KNOWN_DISAGREEMENTS[d.key] ? 'known' : 'NEW'} disagreement ${d.key}: ${d.what}`);
}

/** Unlisted disagreements fail; listed ones for this folder that did not occur fail too. */
function assertAgreement(r: FolderReport): void {
  const unlisted = r.disagreements.filter((d) => !KNOWN_DISAGREEMENTS[d.key]);
  assert.deepEqual(
    unlisted.map((d) => `${d.key}: ${d.what}`),
    [],
    'disagreements between the engine and PostgreSQL 15 (fix the engine, or list them in KNOWN_DISAGREEMENTS with a reason)',
  );
  const stale = Object.keys(KNOWN_DISAGREEMENTS).filter((k) => k.startsWith(r.folder + '/') && !r.disagreements.some((d) => d.key === k));
  assert.deepEqual(stale, [], 'KNOWN_DISAGREEMENTS entries that no longer occur: remove them');
}

// ---------------------------------------------------------------------------------------------------

let dbCounter = 0;

async function runFolder(server: PgServer, folder: string, files: MigrationFile[], analysis: Analysis, opts: { standins?: boolean } = {}): Promise<FolderReport> {
  const db = `agree_${++dbCounter}_${folder.replace(/[^a-z0-9]/gi, '_').toLowerCase()}`;
  const { results, failures } = await runOnPostgres(server, db, files, opts);
  const report = compare(folder, files, results, analysis, failures);
  printReport(report);
  return report;
}

async function runDiskFolder(server: PgServer, folder: string, dir: string, opts: { standins?: boolean } = {}): Promise<FolderReport> {
  const input = await readFolder(dir);
  // the folder's grammar (its config.toml's major version): a test run of this file alone has loaded no other
  await initParser({ versions: [input.config?.postgresVersion] });
  const analysis = analyzeFolder(input);
  const files = analysis.migrations.map((m) => ({ name: m.name, text: input.files.get(m.name)?.text ?? '' }));
  return runFolder(server, folder, files, analysis, opts);
}

async function runFixture(server: PgServer, folder: string, files: Record<string, string>): Promise<FolderReport> {
  const analysis = await analyzeFiles(files);
  const list = Object.keys(files)
    .sort()
    .map((name) => ({ name, text: files[name] }));
  return runFolder(server, folder, list, analysis);
}

/** [file, sqlstate, kind] of PG's failures, and [file, code, object] of the engine's errors. */
function pgFailures(r: FolderReport): string[][] {
  return r.failures.map((f) => [f.file, f.result.sqlstate ?? '', f.kind]);
}
function engineErrors(r: FolderReport): string[][] {
  return r.staticErrors.map((f) => [path.basename(f.file), f.code, f.object ?? '']);
}

const FIXTURES: { name: string; files: Record<string, string>; pg: string[][]; engine: string[][] }[] = [
  {
    name: 'fx-function-later',
    files: {
      '20240101000000_counters.sql': 'create table public.counters (\n  id int primary key,\n  n int not null default public.next_n()\n);\n',
      // a plpgsql body naming a later table: Postgres does not check it at CREATE time (engine: a warning)
      '20240101000001_deferred.sql':
        'create function public.count_later() returns bigint language plpgsql as $$\nbegin\n  return (select count(*) from public.later_things);\nend $$;\n',
      '20240102000000_next_n.sql': 'create function public.next_n() returns int language sql as $$ select 1 $$;\ncreate table public.later_things (id int);\n',
    },
    pg: [['20240101000000_counters.sql', '42883', 'forward']],
    engine: [['20240101000000_counters.sql', 'forward-reference', 'public.next_n()']],
  },
  {
    name: 'fx-type-later',
    files: {
      '20240101000000_items.sql': 'create table public.items (\n  id bigint primary key,\n  status public.item_status not null\n);\n',
      '20240102000000_status.sql': "create type public.item_status as enum ('draft', 'live');\n",
    },
    pg: [['20240101000000_items.sql', '42704', 'forward']],
    engine: [['20240101000000_items.sql', 'forward-reference', 'public.item_status']],
  },
  {
    name: 'fx-schema-later',
    files: {
      '20240101000000_settings.sql': 'create table app.settings (\n  key text primary key,\n  value jsonb\n);\n',
      '20240102000000_app_schema.sql': 'create schema app;\n',
    },
    pg: [['20240101000000_settings.sql', '3F000', 'forward']],
    engine: [['20240101000000_settings.sql', 'forward-reference', 'app']],
  },
  {
    name: 'fx-dropped',
    files: {
      '20240101000000_legacy.sql': 'create table public.legacy_notes (id int primary key, body text);\n',
      '20240102000000_drop_legacy.sql': 'drop table public.legacy_notes;\n',
      '20240103000000_view.sql': 'create view public.note_bodies as\n  select body from public.legacy_notes;\n',
    },
    pg: [['20240103000000_view.sql', '42P01', 'absent']],
    engine: [['20240103000000_view.sql', 'dropped-reference', 'public.legacy_notes']],
  },
];

describe('agreement with a real PostgreSQL 15', function () {
  this.timeout(180_000);
  let server: PgServer | undefined;

  before(async function () {
    if (!findPostgresBinDir()) {
      console.warn('    skipping: PostgreSQL 15 binaries (initdb, postgres) not found; install postgresql-15 or set PG_BIN_DIR');
      this.skip();
    }
    await initParser();
    server = await startPostgres();
  });

  after(async () => {
    await server?.stop();
  });

  // The five folders whose every disagreement is reviewed below (KNOWN_DISAGREEMENTS); the whole corpus is the
  // real-world harness's (test/unit/realworld.test.ts), which applies it with the extension stand-ins.
  const corpora = AGREEMENT_FOLDERS.filter((n) => fs.existsSync(path.join(CORPUS_DIR, n, 'supabase/migrations')));

  it('finds the real corpus (test/corpus)', () => {
    assert.deepEqual(corpora, AGREEMENT_FOLDERS, `expected the corpus folders in ${CORPUS_DIR}`);
  });

  for (const name of corpora) {
    it(`corpus ${name}`, async () => {
      const r = await runDiskFolder(server!, name, path.join(CORPUS_DIR, name, 'supabase/migrations'));
      if (CLEAN_FOLDERS.has(name)) {
        assert.deepEqual(r.results.filter((x) => x.status !== 'ok').map((x) => x.name), [], `${name} applies fully on PG15`);
        assert.deepEqual(engineErrors(r), [], `${name}: the engine reports no error`);
      }
      assertAgreement(r);
    });
  }

  // The same folders with extension stand-ins in place of the extensions this machine lacks: they then
  // apply much further, so forward / unknown references are no longer hidden behind cascades.
  for (const name of corpora) {
    it(`corpus ${name}, extension stand-ins for missing extensions`, async () => {
      const r = await runDiskFolder(server!, name + '+standins', path.join(CORPUS_DIR, name, 'supabase/migrations'), { standins: true });
      assertAgreement(r);
    });
  }

  it('bundled example (examples/seed)', async () => {
    const r = await runDiskFolder(server!, 'seed', SEED_DIR);
    assert.deepEqual(pgFailures(r), [
      ['20251229000000_tenant_llm_policies.sql', '42P01', 'forward'],
      ['20260105000002_tenant_overview_view.sql', '42P01', 'absent'],
    ]);
    assert.match(r.failures[0].result.message ?? '', /relation "copilot_internal\.tenants" does not exist/);
    assert.match(r.failures[1].result.message ?? '', /relation "public\.tenants" does not exist/);
    assert.deepEqual(engineErrors(r), [
      ['20251229000000_tenant_llm_policies.sql', 'forward-reference', 'copilot_internal.tenants'],
      ['20260105000002_tenant_overview_view.sql', 'unknown-reference', 'public.tenants'],
    ]);
    // PG's error position (estimated from the failing statement when PG gives none) is on the finding's line
    for (let k = 0; k < 2; k++) {
      assert.ok(r.failures[k].line >= 0, `${r.failures[k].file}: PG failure located`);
      assert.equal(r.failures[k].line, r.staticErrors[k].range.start.line, `${r.failures[k].file}: PG and the engine point at the same line`);
    }
    assert.equal(r.failures[1].estimated, false, 'PG reports a position for the view');
    assert.equal(r.confirmed.length, 2);
    assertAgreement(r);
  });

  for (const fx of FIXTURES) {
    it(`fixture ${fx.name}`, async () => {
      const r = await runFixture(server!, fx.name, fx.files);
      assert.deepEqual(pgFailures(r), fx.pg, 'PG failures');
      // what the engine should say; files with a known disagreement are left out until the engine is fixed
      const known = (file: string) => !!KNOWN_DISAGREEMENTS[`${fx.name}/${file}`];
      assert.deepEqual(
        engineErrors(r).filter((e) => !known(e[0])),
        fx.engine.filter((e) => !known(e[0])),
        'engine errors',
      );
      for (const fl of r.failures) {
        if (known(fl.file)) continue;
        const f = r.staticErrors.find((e) => path.basename(e.file) === fl.file);
        assert.ok(fl.line >= 0, `${fl.file}: PG failure located`);
        assert.equal(fl.line, f?.range.start.line, `${fl.file}: PG and the engine point at the same line`);
      }
      assertAgreement(r);
    });
  }
});
