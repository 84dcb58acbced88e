/** engine/parser.ts: one parser per PostgreSQL grammar (15, 17, 18), with the same statement locations. */
import assert from 'node:assert/strict';
import { grammarLoaded, initParser, ParseError, parseSql, withPostgresVersion } from '../../server/src/engine/parser';

describe('parser: the grammar of the project\'s PostgreSQL version', () => {
  before(() => initParser({ versions: [15, 17, 18] }));

  it('every grammar puts a statement at its first token (before 18, Postgres counts from the previous semicolon)', () => {
    const text = "select 1;\n\n  -- a comment\n /* nested /* comment */ ; */\tselect 'é';select 3 -- tail\n";
    const at = (v: number) => withPostgresVersion(v, () => parseSql(text).map((s) => [s.location, s.length]));
    const expected = [
      [0, 8],
      [Buffer.byteLength(text.slice(0, text.indexOf("select 'é'"))), Buffer.byteLength("select 'é'")],
      [Buffer.byteLength(text.slice(0, text.indexOf('select 3'))), 0],
    ];
    for (const v of [15, 17, 18]) assert.deepEqual(at(v), expected, `PostgreSQL ${v}`);
  });

  it('the grammar differs: `json` is a function name in 15, a keyword from 17 on', () => {
    const sql = 'create function json(x int) returns int language sql as $$ select x $$';
    assert.equal(withPostgresVersion(15, () => parseSql(sql)).length, 1);
    for (const v of [17, 18]) assert.throws(() => withPostgresVersion(v, () => parseSql(sql)), ParseError);
    // 13 and 14 parse with 15's grammar, 16 with 17's
    assert.equal(withPostgresVersion(14, () => parseSql(sql)).length, 1);
    assert.throws(() => withPostgresVersion(16, () => parseSql(sql)), ParseError);
  });

  it('the grammar is scoped: restored after the call, even when it throws', () => {
    const sql = "select json_object('a' value 1)";
    assert.throws(() => withPostgresVersion(15, () => parseSql(sql)));
    assert.equal(parseSql(sql).length, 1, 'outside a scope: 18');
    assert.ok(grammarLoaded(15) && grammarLoaded(17) && grammarLoaded(18));
  });
});
