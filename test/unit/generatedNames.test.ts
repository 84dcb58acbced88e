/**
 * Postgres' names for what a statement creates without naming it (server/src/engine/generatedNames.ts).
 * Every expected name here is the one a real PostgreSQL 15 gave (the rule specs check them in use:
 * test/specs/unknown-reference/generated-index-names.sql and others).
 */
import { strict as assert } from 'node:assert';
import { clipToBytes, makeObjectName, uniqueColumnNames } from '../../server/src/engine/generatedNames';

describe('generated names (makeObjectName, ChooseIndexColumnNames)', () => {
  it('joins table, columns and label', () => {
    assert.equal(makeObjectName('orders', undefined, 'pkey'), 'orders_pkey');
    assert.equal(makeObjectName('orders', 'ref_code', 'key'), 'orders_ref_code_key');
    assert.equal(makeObjectName('Audit Log', 'Kind', 'idx'), 'Audit Log_Kind_idx');
    // the label with the number the replay adds when the name is taken
    assert.equal(makeObjectName('t2', undefined, 'pkey1'), 't2_pkey1');
    assert.equal(makeObjectName('events', 'kind', 'idx1'), 'events_kind_idx1');
  });

  it('cuts the longer part first, to 63 bytes', () => {
    const table = 'a_table_name_long_enough_for_postgres_to_cut_it_in_its_names';
    assert.equal(makeObjectName(table, undefined, 'pkey'), 'a_table_name_long_enough_for_postgres_to_cut_it_in_its_nam_pkey');
    assert.equal(makeObjectName(table, 'id', 'seq'), 'a_table_name_long_enough_for_postgres_to_cut_it_in_its_n_id_seq');
    assert.equal(makeObjectName(table, 'a_column_name_that_is_also_rather_long', 'key'), 'a_table_name_long_enough_for__a_column_name_that_is_also_ra_key');
    // a tie: the second part loses first
    assert.equal(makeObjectName('x'.repeat(40), 'y'.repeat(40), 'key'), `${'x'.repeat(29)}_${'y'.repeat(29)}_key`);
  });

  it('never cuts inside a character', () => {
    assert.equal(makeObjectName('é'.repeat(31), undefined, 'pkey'), `${'é'.repeat(29)}_pkey`);
    assert.equal(makeObjectName('é'.repeat(31), 'x', 'seq'), `${'é'.repeat(28)}_x_seq`);
    assert.equal(makeObjectName('😀'.repeat(15), undefined, 'pkey'), `${'😀'.repeat(14)}_pkey`);
    assert.equal(clipToBytes('aé', 2), 'a');
    assert.equal(clipToBytes('aé', 3), 'aé');
  });

  it('numbers an index column name that repeats', () => {
    assert.deepEqual(uniqueColumnNames(['id', 'id', 'id1', 'expr', 'expr']), ['id', 'id1', 'id11', 'expr', 'expr1']);
    assert.deepEqual(uniqueColumnNames(['lower', 'expr', 'id', 'expr', 'id']), ['lower', 'expr', 'id', 'expr1', 'id1']);
  });
});
