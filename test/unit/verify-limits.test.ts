/**
 * verify's limits (server/src/verify/guards.ts, supervise.ts): a statement over the time limit and a worker
 * over the memory limit are stopped and fail their migration (57014 / 53200) at that statement, the
 * migrations after it are still applied (by a new worker, from the state before the stopped one), and
 * COPY ... PROGRAM is refused (42501). Each reproduction of issue #20 item 4 ran until killed (or, for the
 * memory, to completion) before.
 *
 * Real workers (worker.ts through tsx, like verify.test.ts), small limits (2 s; a memory limit a little
 * above what the worker needs to start), the shared snapshot of the verify tests. The CLI runs (flags,
 * config file, usage errors) need `npm run build`.
 */
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeFolder, type Analysis } from '../../server/src/engine/analyze';
import { initParser } from '../../server/src/engine/parser';
import { parseConfigFile } from '../../server/src/host/config';
import { readFolder } from '../../server/src/host/workspace';
import { verifyLimits } from '../../server/src/verify/folder';
import { readCheckpointHeader } from '../../server/src/verify/checkpoints';
import { DEFAULT_LIMITS, DEFAULT_MEMORY_LIMIT_MB, DEFAULT_STATEMENT_TIMEOUT_S, type VerifyLimits } from '../../server/src/verify/guards';
import { verifyAnalysis, verifyMany, WarmWorker, type VerifyResult } from '../../server/src/verify/run';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const SHARED_CACHE = path.join(os.tmpdir(), 'supabase-migrations-verify-test-cache');

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-verify-limits-'));
/** A private cache folder (its checkpoints are inspected) with the shared snapshot copied in. */
const CACHE = path.join(TMP, 'cache');

function project(name: string, files: Record<string, string>, config?: object): string {
  const dir = path.join(TMP, name);
  fs.mkdirSync(path.join(dir, 'supabase/migrations'), { recursive: true });
  for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, 'supabase/migrations', f), text);
  if (config) fs.writeFileSync(path.join(dir, '.supabase-migrations.json'), JSON.stringify(config));
  return dir;
}

const BASE = { '20250101000000_base.sql': 'create table public.base (id int primary key);\n' };
/** Uses what the first migration created: applies only if the state after a stop is the right one. */
const AFTER = { '20250109000000_after.sql': 'create table public.after_all (id int primary key references public.base (id));\n' };
const dirs = {
  time: project('time', {
    ...BASE,
    '20250102000000_loop.sql': 'create table public.before_loop (id int primary key);\n\ndo $$ begin loop end loop; end $$;\n\ncreate table public.after_loop (id int primary key);\n',
    '20250103000000_sleep.sql': 'select pg_sleep(1000);\n',
    ...AFTER,
  }),
  copy: project('copy', {
    ...BASE,
    '20250102000000_copy_from.sql': 'create table public.c (a int);\ncopy public.c from program \'echo 1\';\n',
    '20250103000000_copy_to.sql': "copy (select 1) to program 'cat > /tmp/sm-verify-limits-must-not-exist';\n",
    '20250104000000_copy_dynamic.sql': "create table public.d (a int);\ndo $$ begin execute 'copy public.d from program ''id'''; end $$;\n",
    ...AFTER,
  }),
  memory: project('memory', {
    ...BASE,
    '20250102000000_big.sql': 'create table public.big (id bigint primary key, payload text);\ninsert into public.big select g, md5(g::text) from generate_series(1, 1000000) g;\n',
    ...AFTER,
  }),
};

async function load(dir: string): Promise<{ analysis: Analysis; texts: Map<string, string> }> {
  const input = await readFolder(path.join(dir, 'supabase/migrations'));
  const analysis = analyzeFolder(input);
  return { analysis, texts: new Map(analysis.migrations.map((m) => [m.path, input.files.get(m.name)?.text ?? ''])) };
}

const limits = (statementTimeoutS: number, memoryLimitMb: number): VerifyLimits => ({ statementTimeoutMs: statementTimeoutS * 1000, memoryLimitMb, source: { statementTimeout: 'the test', memoryLimit: 'the test' } });

/** Statuses, and the verify findings (not the advisors') as [file, line, sqlstate]. */
function summary(r: VerifyResult) {
  return {
    statuses: r.migrations.map((m) => [m.name, m.status, m.sqlstate]),
    findings: r.findings.filter((f) => f.code.startsWith('apply-')).map((f) => [path.basename(f.file), f.range.start.line + 1, f.code, f.sqlstate]),
  };
}

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}
function cli(args: string[], cwd = ROOT): Promise<CliRun> {
  return new Promise((resolve) =>
    execFile(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, SUPABASE_MIGRATIONS_CACHE_DIR: CACHE, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr }),
    ),
  );
}

describe('verify limits: statement time, memory, COPY ... PROGRAM', function () {
  this.timeout(180_000);
  /** The time and COPY folders, in one worker (and those that replace it), limit 2 s. */
  let batch: Promise<VerifyResult[]>;
  /** CLI runs with the limit from a flag and from the config file, started beside the batch. */
  let cliRuns: Promise<[CliRun, CliRun]> | undefined;
  const sleepFiles = { ...BASE, '20250103000000_sleep.sql': 'select pg_sleep(1000);\n' };
  before(async () => {
    fs.mkdirSync(CACHE, { recursive: true });
    if (fs.existsSync(SHARED_CACHE)) for (const f of fs.readdirSync(SHARED_CACHE)) if (/^pglite-.*\.tar\.gz$/.test(f)) fs.copyFileSync(path.join(SHARED_CACHE, f), path.join(CACHE, f));
    await initParser();
    const [time, copy] = await Promise.all([load(dirs.time), load(dirs.copy)]);
    batch = verifyMany([time, copy], { cacheDir: CACHE, limits: limits(2, 0) });
    batch.catch(() => undefined);
    if (fs.existsSync(CLI)) {
      const args = ['--format', 'json', '--no-progress', '--no-checkpoints', '--no-advisors'];
      cliRuns = Promise.all([
        cli(['verify', project('cli-flag', sleepFiles), ...args, '--statement-timeout', '2']),
        cli(['verify', project('cli-config', sleepFiles, { verify: { statementTimeout: 2 } }), ...args]),
      ]);
    }
  });
  after(() => fs.rmSync(TMP, { recursive: true, force: true }));

  describe('statement time limit (PGlite ignores statement_timeout)', () => {
    it('do $$ begin loop end loop; end $$: stopped after 2 s at the DO statement (57014); later migrations still apply', async () => {
      const [r] = await batch;
      const s = summary(r);
      assert.deepEqual(s.statuses[0], ['20250101000000_base.sql', 'ok', undefined]);
      assert.deepEqual(s.statuses[1], ['20250102000000_loop.sql', 'failed', '57014']);
      assert.deepEqual(s.findings[0], ['20250102000000_loop.sql', 3, 'apply-error', '57014']);
      const f = r.findings.find((x) => x.sqlstate === '57014')!;
      assert.match(f.message, /^stopped after 2 s: this statement was still running at verify's statement time limit/);
      assert.match(f.message, /Limit 2 s, from the test/);
      // the last migration needs public.base: the state after the stops is the one before them
      assert.deepEqual(s.statuses[3], ['20250109000000_after.sql', 'ok', undefined]);
      assert.equal(r.timings.workersStopped, 2);
    });

    it('select pg_sleep(1000): stopped after 2 s (57014)', async () => {
      const [r] = await batch;
      const s = summary(r);
      assert.deepEqual(s.statuses[2], ['20250103000000_sleep.sql', 'failed', '57014']);
      assert.deepEqual(s.findings[1], ['20250103000000_sleep.sql', 1, 'apply-error', '57014']);
    });

    it('no checkpoint holds a stopped migration (a stop is not what applying the folder gives)', async () => {
      await batch;
      const dir = path.join(CACHE, 'checkpoints');
      const headers = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.bin')).map((f) => readCheckpointHeader(path.join(dir, f))) : [];
      for (const h of headers) assert.ok(!h.results.some((x) => x.error?.sqlstate === '57014'), h.files.join(','));
    });

    it('the warm service\'s worker: stopped the same way, replaced, and serves the next request', async () => {
      const worker = new WarmWorker();
      try {
        await batch.catch(() => undefined);
        const sleep = await load(project('warm', { ...sleepFiles, ...AFTER }));
        const r = await verifyAnalysis(sleep.analysis, { texts: sleep.texts, cacheDir: CACHE, checkpoints: false, worker, limits: limits(2, 0) });
        assert.deepEqual(summary(r).statuses.map((x) => x[2]), [undefined, '57014', undefined]);
        assert.ok(worker.alive, 'a new serving worker took over');
        const base = await load(project('warm-next', BASE));
        const next = await verifyAnalysis(base.analysis, { texts: base.texts, cacheDir: CACHE, checkpoints: false, worker, limits: limits(2, 0) });
        assert.deepEqual(summary(next).statuses, [['20250101000000_base.sql', 'ok', undefined]]);
        assert.equal(next.timings.serviceRequest, 2, 'the same (new) worker');
      } finally {
        worker.dispose();
      }
    });
  });

  describe('COPY ... PROGRAM is refused (42501, as Supabase refuses it to postgres)', () => {
    it('copy ... from program: refused at the statement, the migration fails, the next ones apply', async () => {
      const [, r] = await batch;
      const s = summary(r);
      assert.deepEqual(s.statuses[1], ['20250102000000_copy_from.sql', 'failed', '42501']);
      assert.deepEqual(s.findings[0], ['20250102000000_copy_from.sql', 2, 'apply-error', '42501']);
      const f = r.findings.find((x) => path.basename(x.file) === '20250102000000_copy_from.sql')!;
      assert.match(f.message, /must be superuser or have privileges of the pg_execute_server_program role to COPY to or from an external program/);
      assert.match(f.message, /verify refuses COPY \.\.\. PROGRAM \("echo 1"\)/);
      assert.deepEqual(s.statuses[4], ['20250109000000_after.sql', 'ok', undefined]);
    });

    it('copy ... to program: refused, nothing is run', async () => {
      const [, r] = await batch;
      assert.deepEqual(summary(r).statuses[2], ['20250103000000_copy_to.sql', 'failed', '42501']);
      assert.equal(fs.existsSync('/tmp/sm-verify-limits-must-not-exist'), false);
    });

    it('copy ... program in dynamic SQL (execute in a DO block): refused when the embedded Postgres tries it', async () => {
      const [, r] = await batch;
      const s = summary(r);
      assert.deepEqual(s.statuses[3], ['20250104000000_copy_dynamic.sql', 'failed', '42501']);
      assert.deepEqual(s.findings[2], ['20250104000000_copy_dynamic.sql', 2, 'apply-error', '42501']);
      assert.match(r.findings.find((x) => x.sqlstate === '42501' && /dynamic/.test(x.file))!.message, /\("id"\)/);
    });
  });

  describe('memory limit (V8 heap flags cap nothing here: PGlite is WASM memory and array buffers)', () => {
    it('a 1,000,000-row generate_series insert: stopped at the limit (53200) at the insert; later migrations still apply', async () => {
      const [, copy] = await batch; // (after the other workers: the machine has two cores)
      // a little above what a worker needs to start here (its peak on the small folders)
      const limitMb = copy.timings.peakRssMb + 160;
      const memory = await load(dirs.memory);
      const [r] = await verifyMany([{ ...memory, checkpoints: false }], { cacheDir: CACHE, limits: limits(0, limitMb) });
      const s = summary(r);
      assert.deepEqual(s.statuses, [
        ['20250101000000_base.sql', 'ok', undefined],
        ['20250102000000_big.sql', 'failed', '53200'],
        ['20250109000000_after.sql', 'ok', undefined],
      ]);
      assert.deepEqual(s.findings, [['20250102000000_big.sql', 2, 'apply-error', '53200']]);
      const f = r.findings.find((x) => x.sqlstate === '53200')!;
      assert.match(f.message, new RegExp(`^stopped at ${limitMb} MB: the embedded Postgres reached verify's memory limit while this statement ran`));
      assert.equal(r.timings.workersStopped, 1);
    });
  });

  describe('settings: CLI flags, the config file, defaults', () => {
    it('defaults 30 s and 1.5 GB; the flags beat the config file, which beats the defaults', () => {
      assert.equal(DEFAULT_STATEMENT_TIMEOUT_S, 30);
      assert.equal(DEFAULT_MEMORY_LIMIT_MB, 1536);
      assert.deepEqual(verifyLimits({}, undefined, undefined), { ...DEFAULT_LIMITS, source: { statementTimeout: 'the default', memoryLimit: 'the default' } });
      const cfg = parseConfigFile(JSON.stringify({ verify: { statementTimeout: 5, memoryLimit: 800 } }), 'c.json').verify;
      assert.deepEqual(verifyLimits({}, cfg, '.supabase-migrations.json'), {
        statementTimeoutMs: 5000,
        memoryLimitMb: 800,
        source: { statementTimeout: '"verify": { "statementTimeout" } in .supabase-migrations.json', memoryLimit: '"verify": { "memoryLimit" } in .supabase-migrations.json' },
      });
      assert.deepEqual(verifyLimits({ statementTimeoutS: 0.5, memoryLimitMb: 0 }, cfg, 'x'), { statementTimeoutMs: 500, memoryLimitMb: 0, source: { statementTimeout: '--statement-timeout', memoryLimit: '--memory-limit' } });
      assert.throws(() => parseConfigFile('{"verify": {"statementTimeout": -1}}', 'c.json'), /verify\.statementTimeout must be a number >= 0/);
      assert.throws(() => parseConfigFile('{"verify": {"timeout": 5}}', 'c.json'), /unknown key verify\.timeout/);
      assert.throws(() => parseConfigFile('{"verify": 5}', 'c.json'), /"verify" must be an object/);
    });

    describe('the verify command (dist/cli.js)', function () {
      before(function () {
        if (!fs.existsSync(CLI)) this.skip(); // `npm run build` first
      });
      it('--statement-timeout and "verify": { "statementTimeout" } in the config file', async () => {
        const [flag, conf] = await cliRuns!;
        for (const [r, from] of [
          [flag, /Limit 2 s, from --statement-timeout/],
          [conf, /Limit 2 s, from "verify": \{ "statementTimeout" \} in \.supabase-migrations\.json/],
        ] as const) {
          assert.equal(r.code, 1, r.stderr);
          const out = JSON.parse(r.stdout) as { migrations: { status: string; sqlstate?: string }[]; diagnostics: { code: string; sqlstate?: string; message: string }[] };
          assert.deepEqual(out.migrations.map((m) => [m.status, m.sqlstate]), [['ok', undefined], ['failed', '57014']]);
          assert.match(out.diagnostics.find((d) => d.sqlstate === '57014')!.message, from);
        }
      });

      it('usage errors exit 2 before any Postgres starts; a memory limit below what the worker needs exits 2 with a clear message', async () => {
        const dir = project('cli-usage', BASE);
        const cases: [string[], RegExp][] = [
          [['verify', dir, '--statement-timeout', 'soon'], /--statement-timeout needs a number of seconds/],
          [['verify', dir, '--memory-limit=-5'], /--memory-limit needs a number of MB/],
          [['verify', dir, '--memory-limit='], /--memory-limit needs a number of MB/],
          [['verify', project('cli-bad-config', BASE, { verify: { memoryLimit: '1GB' } })], /verify\.memoryLimit must be a number >= 0/],
          [['verify', dir, '--memory-limit', '50', '--no-checkpoints'], /memory limit \(50 MB\) is below what the embedded Postgres needs before applying anything/],
        ];
        for (const [args, re] of cases) {
          const r = await cli(args);
          assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
          assert.match(r.stderr, re);
          assert.equal(r.stdout, '');
        }
      });
    });
  });
});
