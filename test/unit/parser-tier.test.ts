/**
 * How the parser's WASM is compiled (server/src/engine/parser.ts `ParserTier`): baseline-only for the SQL of a
 * typical folder, V8's optimizing tier-up for big ones, an environment override for both. What each tier costs
 * is measured by the benchmark (bench/RESULTS.md, "parser compile tier"), not here; here: the choice, that it is
 * made before the module is compiled (in a fresh process, as the CLI and the server do), and that both tiers
 * give the same results.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { BASELINE_MAX_BYTES, PARSER_TIER_ENV, parserTierFor } from '../../server/src/engine/parser';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const CORPUS = path.resolve(ROOT, '../shared/corpus');

function envWith(tier?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env[PARSER_TIER_ENV];
  if (tier !== undefined) env[PARSER_TIER_ENV] = tier;
  return env;
}

describe('parser compile tier', () => {
  it('baseline up to BASELINE_MAX_BYTES of SQL, optimizing above it or when the size is unknown', () => {
    const none = {};
    assert.equal(parserTierFor(0, none), 'baseline');
    assert.equal(parserTierFor(150_000, none), 'baseline');
    assert.equal(parserTierFor(BASELINE_MAX_BYTES, none), 'baseline');
    assert.equal(parserTierFor(BASELINE_MAX_BYTES + 1, none), 'optimizing');
    assert.equal(parserTierFor(25_000_000, none), 'optimizing');
    assert.equal(parserTierFor(undefined, none), 'optimizing');
  });

  it('the environment overrides the size; an unknown value is ignored', () => {
    assert.equal(parserTierFor(25_000_000, { [PARSER_TIER_ENV]: 'baseline' }), 'baseline');
    assert.equal(parserTierFor(10, { [PARSER_TIER_ENV]: ' Optimizing ' }), 'optimizing');
    assert.equal(parserTierFor(10, { [PARSER_TIER_ENV]: 'fast' }), 'baseline');
    assert.equal(parserTierFor(25_000_000, { [PARSER_TIER_ENV]: '' }), 'optimizing');
  });

  it('a fresh process: the first initParser decides, later calls keep it, and the parser works', function () {
    this.timeout(60_000);
    const script = `
      const p = require('./server/src/engine/parser');
      (async () => {
        const before = p.parserLoaded();
        await p.initParser({ sqlBytes: Number(process.argv[1]) });
        await p.initParser({ sqlBytes: Number(process.argv[2]) });
        const stmts = p.parseSql("select 1; create table é (id int)").length;
        const plpgsql = p.parsePlpgsql("create function f() returns int language plpgsql as $$ begin return 1; end $$").length;
        console.log(JSON.stringify({ before, loaded: p.parserLoaded(), tier: p.parserTier(), stmts, plpgsql }));
      })();`;
    const cases: [number, number, string | undefined, string][] = [
      [40_000, 90_000_000, undefined, 'baseline'],
      [90_000_000, 40_000, undefined, 'optimizing'],
      [40_000, 40_000, 'optimizing', 'optimizing'],
    ];
    for (const [first, second, forced, tier] of cases) {
      const r = spawnSync(process.execPath, ['-r', 'tsx/cjs', '-e', script, String(first), String(second)], { cwd: ROOT, encoding: 'utf8', env: envWith(forced), timeout: 60_000 });
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
});
