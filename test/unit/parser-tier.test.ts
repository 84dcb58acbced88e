/**
 * How our WASM is compiled (server/src/wasmTier.ts): baseline-only for the SQL of a typical folder, V8's
 * optimizing tier-up for big ones, an environment override for both. What each tier costs is measured by the
 * benchmark (bench/RESULTS.md, "WASM compile tier"), not here; here: the choice, that the parser's is made
 * before its module is compiled (in a fresh process, as the CLI and the server do), and that both tiers give
 * the same results, for `check` and for `verify` (PGlite in its worker).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { workerTier } from '../../server/src/verify/run';
import type { WorkerRequest } from '../../server/src/verify/protocol';
import { PARSER_BASELINE_MAX_BYTES, VERIFY_BASELINE_MAX_BYTES, WASM_TIER_ENV, wasmTierFor } from '../../server/src/wasmTier';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const CORPUS = path.resolve(ROOT, 'test/corpus');

function envWith(tier?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env[WASM_TIER_ENV];
  if (tier !== undefined) env[WASM_TIER_ENV] = tier;
  return env;
}

describe('WASM compile tier', () => {
  it('baseline up to the threshold of SQL, optimizing above it or when the size is unknown', () => {
    const none = {};
    for (const max of [PARSER_BASELINE_MAX_BYTES, VERIFY_BASELINE_MAX_BYTES]) {
      assert.equal(wasmTierFor(0, max, none), 'baseline');
      assert.equal(wasmTierFor(150_000, max, none), 'baseline');
      assert.equal(wasmTierFor(max, max, none), 'baseline');
      assert.equal(wasmTierFor(max + 1, max, none), 'optimizing');
      assert.equal(wasmTierFor(25_000_000, max, none), 'optimizing');
      assert.equal(wasmTierFor(undefined, max, none), 'optimizing');
    }
    // the generated 1,000-migration workspace (5 MB) keeps V8's default for both
    assert.equal(wasmTierFor(5_074_498, PARSER_BASELINE_MAX_BYTES, none), 'optimizing');
    assert.equal(wasmTierFor(5_074_498, VERIFY_BASELINE_MAX_BYTES, none), 'optimizing');
  });

  it('the environment overrides the size; an unknown value is ignored', () => {
    const max = PARSER_BASELINE_MAX_BYTES;
    assert.equal(wasmTierFor(25_000_000, max, { [WASM_TIER_ENV]: 'baseline' }), 'baseline');
    assert.equal(wasmTierFor(10, max, { [WASM_TIER_ENV]: ' Optimizing ' }), 'optimizing');
    assert.equal(wasmTierFor(10, max, { [WASM_TIER_ENV]: 'fast' }), 'baseline');
    assert.equal(wasmTierFor(25_000_000, max, { [WASM_TIER_ENV]: '' }), 'optimizing');
  });

  it("verify's worker: by the SQL of its (first) request", () => {
    const req = (sizes: number[]) => ({ jobs: [{ files: sizes.map((n, i) => ({ name: `${i}_x.sql`, text: 'x'.repeat(n), statements: [] })) }] }) as unknown as WorkerRequest;
    const saved = process.env[WASM_TIER_ENV];
    delete process.env[WASM_TIER_ENV];
    try {
      assert.equal(workerTier(req([40_000, 100_000])), 'baseline');
      assert.equal(workerTier(req([VERIFY_BASELINE_MAX_BYTES / 2, VERIFY_BASELINE_MAX_BYTES / 2 + 1])), 'optimizing');
      process.env[WASM_TIER_ENV] = 'optimizing';
      assert.equal(workerTier(req([10])), 'optimizing');
    } finally {
      if (saved === undefined) delete process.env[WASM_TIER_ENV];
      else process.env[WASM_TIER_ENV] = saved;
    }
  });

  it("the CLI compiles the parser as decided (V8's compilation trace: no optimizing compiles with baseline code)", function () {
    this.timeout(120_000);
    // 4.8 MB of SQL, mostly comments (cheap to analyse): above the threshold
    const big = mkdtempSync(path.join(os.tmpdir(), 'sbm-tier-big-'));
    try {
      mkdirSync(path.join(big, 'supabase/migrations'), { recursive: true });
      writeFileSync(path.join(big, 'supabase/migrations/20240101000000_big.sql'), `-- ${'x'.repeat(76)}\n`.repeat(60_000) + 'create table public.a (id int);\n');
      const optimizingCompiles = (dir: string, tier?: string) => {
        const r = spawnSync(process.execPath, ['--trace-wasm-compilation-times', CLI, 'check', dir, '--format', 'json'], { cwd: ROOT, encoding: 'utf8', env: envWith(tier), timeout: 60_000 });
        assert.ok(r.status === 0 || r.status === 1, r.stderr);
        assert.match(r.stdout, /using Liftoff/, 'the trace is there');
        return (r.stdout.match(/using TurboFan/g) ?? []).length;
      };
      const seed = path.join(ROOT, 'examples/seed');
      assert.equal(optimizingCompiles(seed), 0, 'the seed (2 KB): baseline code only');
      assert.ok(optimizingCompiles(seed, 'optimizing') > 0, 'forced: the same parse gets optimized code');
      assert.ok(optimizingCompiles(big) > 0, '4.8 MB: V8 optimizes as usual');
      assert.equal(optimizingCompiles(big, 'baseline'), 0, 'forced: baseline code only');
    } finally {
      rmSync(big, { recursive: true, force: true });
    }
  });

  it('a fresh process: the first initParser decides, later calls keep it, and the parser works', function () {
    this.timeout(60_000);
    const script = `
      const p = require('./server/src/engine/parser');
      (async () => {
        const before = p.parserLoaded();
        await p.initParser({ tier: process.argv[1] });
        await p.initParser({ tier: process.argv[2] });
        const stmts = p.parseSql("select 1; create table é (id int)").length;
        const plpgsql = p.parsePlpgsql("create function f() returns int language plpgsql as $$ begin return 1; end $$").length;
        console.log(JSON.stringify({ before, loaded: p.parserLoaded(), tier: p.parserTier(), stmts, plpgsql }));
      })();`;
    const cases: [string, string, string][] = [
      ['baseline', 'optimizing', 'baseline'],
      ['optimizing', 'baseline', 'optimizing'],
    ];
    for (const [first, second, tier] of cases) {
      const r = spawnSync(process.execPath, ['-r', 'tsx/cjs', '-e', script, first, second], { cwd: ROOT, encoding: 'utf8', env: envWith(), timeout: 60_000 });
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout.trim().split('\n').pop()!), { before: false, loaded: true, tier, stmts: 2, plpgsql: 1 });
      assert.equal(r.stderr, '', 'no warning from V8 about the flag');
    }
  });

  it('the CLI gives byte-identical results with either tier (corpus folders and the seed)', function () {
    this.timeout(120_000);
    for (const dir of [path.join(CORPUS, 'oriva-platform'), path.join(CORPUS, 'chatbot-ui'), path.join(ROOT, 'examples/seed')]) {
      const out = (tier?: string) => spawnSync(process.execPath, [CLI, 'check', dir, '--format', 'json'], { cwd: ROOT, encoding: 'utf8', env: envWith(tier), timeout: 60_000 });
      const auto = out();
      const baseline = out('baseline');
      const optimizing = out('optimizing');
      assert.equal(auto.stderr, '', auto.stderr);
      assert.ok(JSON.parse(auto.stdout).diagnostics.length > 0, `${dir}: the folder has findings to compare`);
      assert.equal(baseline.stdout, auto.stdout, dir);
      assert.equal(optimizing.stdout, auto.stdout, dir);
      assert.equal(baseline.status, auto.status);
      assert.equal(optimizing.status, auto.status);
    }
  });

  it('verify gives the same results with either tier (its one-shot worker runs PGlite baseline-only for the seed)', function () {
    this.timeout(240_000);
    const cache = mkdtempSync(path.join(os.tmpdir(), 'sbm-tier-'));
    try {
      const out = (tier?: string) => {
        const r = spawnSync(process.execPath, [CLI, 'verify', 'examples/seed', '--format', 'json', '--no-checkpoints'], {
          cwd: ROOT,
          encoding: 'utf8',
          env: { ...envWith(tier), SUPABASE_MIGRATIONS_CACHE_DIR: cache },
          timeout: 180_000,
        });
        assert.equal(r.stderr, '', r.stderr);
        const j = JSON.parse(r.stdout);
        const wasmTier = j.timings.wasmTier;
        delete j.timings;
        return { status: r.status, j, wasmTier };
      };
      const auto = out();
      assert.ok(auto.j.migrations.length === 5 && auto.j.diagnostics.length > 0, 'the seed verifies with findings to compare');
      assert.equal(auto.wasmTier, 'baseline', 'the worker says how it compiled PGlite');
      assert.deepEqual(out('optimizing'), { ...auto, wasmTier: 'optimizing' });
      assert.deepEqual(out('baseline'), auto);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
