/**
 * The built-ins mutable-expression treats as never IMMUTABLE (server/src/engine/catalog/volatility.ts),
 * checked against a real PostgreSQL 15's pg_proc: each name exists in pg_catalog, and every function of
 * that name has the listed volatility (none is IMMUTABLE, whatever its arguments).
 */
import assert from 'node:assert/strict';
import { NOT_IMMUTABLE_BUILTINS } from '../../server/src/engine/catalog/volatility';
import { findPostgresBinDir, startPostgres, type PgServer } from '../support/postgres';

const VOLATILITY: Record<string, string> = { i: 'immutable', s: 'stable', v: 'volatile' };

(findPostgresBinDir() ? describe : describe.skip)('built-ins that are never IMMUTABLE agree with PostgreSQL 15', function () {
  this.timeout(120_000);
  let pg: PgServer;
  before(async () => {
    pg = await startPostgres();
  });
  after(async () => {
    await pg?.stop();
  });

  it('every listed name has only functions of the listed volatility', async () => {
    const rows = await pg.query<{ proname: string; v: string }>(
      `select proname, string_agg(distinct provolatile::text, '') as v from pg_proc
        where pronamespace = 'pg_catalog'::regnamespace and proname = any($1::text[]) group by proname`,
      [[...NOT_IMMUTABLE_BUILTINS.keys()]],
    );
    const found = new Map(rows.map((r) => [r.proname, r.v.split('').map((c) => VOLATILITY[c]).join(', ')]));
    const wrong = [...NOT_IMMUTABLE_BUILTINS].filter(([name, v]) => found.get(name) !== v).map(([name, v]) => `${name}: listed ${v}, pg_proc ${found.get(name) ?? 'absent'}`);
    assert.deepEqual(wrong, []);
  });
});
