/**
 * How our WASM is compiled (server/src/wasmTier.ts): baseline-only for the SQL of a typical folder, V8's
 * optimizing tier-up for big ones, an environment override for both. What each tier costs is measured by the
 * benchmark (bench/RESULTS.md, "WASM compile tier"), not here; here: the choice, that the parser's is made
 * before its module is compiled (in a fresh process, as the CLI and the server do), and that both tiers give
 * the same results, for `check` and for `verify` (PGlite in its worker).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PARSER_BASELINE_MAX_BYTES, VERIFY_BASELINE_MAX_BYTES, WASM_TIER_ENV, wasmTierFor } from '../../server/src/wasmTier';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const CORPUS = path.resolve(ROOT, '../shared/corpus');

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
        delete j.timings;
        return { status: r.status, j };
      };
      const auto = out();
      assert.ok(auto.j.migrations.length === 5 && auto.j.diagnostics.length > 0, 'the seed verifies with findings to compare');
      assert.deepEqual(out('optimizing'), auto);
      assert.deepEqual(out('baseline'), auto);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
