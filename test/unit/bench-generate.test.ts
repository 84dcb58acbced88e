/** The benchmark's generator stays realistic: the engine finds exactly its deliberate forward references. */
import assert from 'node:assert/strict';
import { generateMigrations } from '../../bench/generate';
import { extractFacts } from '../../server/src/engine/facts';
import { initParser, parserClock } from '../../server/src/engine/parser';
import { analyzeFiles, findingsOf, FOLDER } from '../support/analyze';

describe('bench/generate', () => {
  // One forward reference per 7 files, so that 20 files hold several (the bench uses 1 per 200).
  const ws = generateMigrations(20, { seed: 7, forwardEvery: 7 });

  it('is deterministic, ~5 KB a file, and holds deliberate forward references', () => {
    assert.equal(ws.files.size, 20);
    assert.deepEqual([...generateMigrations(20, { seed: 7, forwardEvery: 7 }).files], [...ws.files]);
    const avg = ws.bytes / ws.files.size;
    assert.ok(avg > 4000 && avg < 6500, `average ${avg} bytes per file`);
    assert.ok(ws.forwardRefs.length >= 2, 'expected deliberate forward references');
  });

  it('makes the engine find exactly the deliberate forward references and no unknown references', async () => {
    const a = await analyzeFiles(Object.fromEntries(ws.files));
    assert.equal(a.migrations.length, 20);
    assert.deepEqual(findingsOf(a, 'unknown-reference').map((f) => f.message), []);
    assert.deepEqual(findingsOf(a, 'syntax-error').map((f) => f.message), []);
    const found = findingsOf(a, 'forward-reference')
      .map((f) => `${f.file.replace(FOLDER + '/', '')} ${f.object}`)
      .sort();
    const expected = ws.forwardRefs.map((r) => `${r.file} ${r.object}`).sort();
    assert.deepEqual(found, expected);
    // Nothing else either: every other cross-file reference goes to an earlier file and resolves.
    assert.deepEqual(
      a.findings.filter((f) => f.code !== 'forward-reference').map((f) => `${f.code}: ${f.message}`),
      [],
    );
  });
});

describe('parser clock (the benchmark splits parser time into statements and function bodies)', () => {
  before(() => initParser());

  it('counts the PL/pgSQL parser and the statements of SQL, PL/pgSQL and DO bodies as body parsing, and nothing else', () => {
    const measure = (sql: string) => {
      const c0 = { ...parserClock };
      extractFacts(sql);
      return { calls: parserClock.calls - c0.calls, body: parserClock.bodyCalls - c0.bodyCalls, ms: parserClock.bodyMs - c0.bodyMs };
    };
    // one parse for the file, none for a body
    assert.deepEqual({ ...measure('create table t (id int primary key);\nselect * from t;'), ms: 0 }, { calls: 1, body: 0, ms: 0 });
    // SQL function: the body is parsed again
    const sqlFn = measure('create function f() returns int language sql as $$ select count(*)::int from t $$;');
    assert.deepEqual([sqlFn.calls, sqlFn.body], [2, 1]);
    // PL/pgSQL: the PL/pgSQL parser, then its two statements in one batch
    const plFn = measure('create function g() returns void language plpgsql as $$ begin insert into t values (1); delete from t; end $$;');
    assert.deepEqual([plFn.calls, plFn.body], [3, 2]);
    assert.ok(plFn.ms > 0);
    // DO block: the same
    const doBlock = measure('do $$ begin perform 1; end $$;');
    assert.deepEqual([doBlock.calls, doBlock.body], [3, 2]);
  });
});
