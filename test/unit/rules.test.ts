/**
 * What the rules' cases assert beyond their findings. The findings themselves (every rule's positive and
 * negative cases, with related information, fixes and rename plans) are data: test/specs, run by specs.test.ts.
 */
import assert from 'node:assert/strict';
import { analyzeFiles, summary } from '../support/analyze';

const T = '20240101000000_tables.sql';

describe('rule syntax-error and recovery', () => {
  it('an unterminated dollar quote runs to the end of the file; the statements before it still count', async () => {
    const sql = 'create table public.a (id int);\ncreate function f() returns int language sql as $$ select 1;\nselect 2;\n';
    const a = await analyzeFiles({ [T]: sql });
    // (the finding: test/specs/syntax-error/unterminated-dollar-quote)
    assert.deepEqual(summary(a), [`${T}:2:49 error syntax-error`]);
    assert.equal(a.timeline.final.has('relation:public.a'), true);
  });
});
