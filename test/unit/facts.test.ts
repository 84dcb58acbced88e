/** Pieces of server/src/engine/facts/ with a contract of their own: the statement dispatch table and ignore directives. */
import assert from 'node:assert/strict';
import { disableInsertion, readDirectives } from '../../server/src/engine/facts';
import { HANDLED_STATEMENTS } from '../../server/src/engine/facts/statements';
import { LineIndex } from '../../server/src/engine/positions';

function lineIndex(text: string): LineIndex {
  return new LineIndex(Buffer.from(text, 'utf8'), text);
}

describe('facts: statement dispatch', () => {
  it('has a handler for every statement type extraction reads', () => {
    const expected = [
      'AlterDefaultPrivilegesStmt', 'AlterDomainStmt', 'AlterEnumStmt', 'AlterFunctionStmt', 'AlterObjectSchemaStmt', 'AlterOwnerStmt',
      'AlterPolicyStmt', 'AlterPublicationStmt', 'AlterRoleStmt', 'AlterSeqStmt', 'AlterTableStmt', 'CallStmt', 'CommentStmt',
      'CompositeTypeStmt', 'CreateDomainStmt', 'CreateEnumStmt', 'CreateEventTrigStmt', 'CreateExtensionStmt', 'CreateForeignTableStmt',
      'CreateFunctionStmt', 'CreatePolicyStmt', 'CreatePublicationStmt', 'CreateRangeStmt', 'CreateRoleStmt', 'CreateSchemaStmt',
      'CreateSeqStmt', 'CreateStatsStmt', 'CreateStmt', 'CreateTableAsStmt', 'CreateTrigStmt', 'DefineStmt', 'DeleteStmt', 'DoStmt',
      'DropStmt', 'GrantRoleStmt', 'GrantStmt', 'IndexStmt', 'InsertStmt', 'LockStmt', 'MergeStmt', 'RefreshMatViewStmt', 'RenameStmt',
      'RuleStmt', 'SelectStmt', 'TruncateStmt', 'UpdateStmt', 'VariableSetStmt', 'ViewStmt',
    ];
    assert.deepEqual([...HANDLED_STATEMENTS].sort(), expected);
  });
});

describe('facts: ignore directives', () => {
  it('reads -disable-line, -disable-next-line and -disable-file, with or without codes', () => {
    const text = [
      'select 1; -- supabase-migrations-disable-line unknown-reference',
      '-- supabase-migrations-disable-next-line',
      '-- supabase-migrations-disable-next-line missing-foreign-key, forward-reference',
      '-- supabase-migrations-disable-file unknown-reference',
      '-- supabase-migrations-disable',
    ].join('\r\n');
    assert.deepEqual(readDirectives(text), [
      { line: 0, codes: ['unknown-reference'] },
      { line: 2, codes: [] },
      { line: 3, codes: ['missing-foreign-key', 'forward-reference'] },
      { line: 'file', codes: ['unknown-reference'] },
      { line: 'file', codes: [] },
    ]);
    assert.deepEqual(readDirectives('select 1;\n'), []);
  });

  it('writes a -disable-next-line comment above a finding, with its line\'s indentation', () => {
    const text = 'create table a (\n    b_id int\n);\n';
    const li = lineIndex(text);
    const finding = { code: 'missing-foreign-key', range: li.range(21, 25) };
    const edit = disableInsertion(finding, li);
    assert.deepEqual(edit, { scope: 'line', line: 1, text: '    -- supabase-migrations-disable-next-line missing-foreign-key\n' });
    // inserted there, the comment is read back as disabling the finding's line (now one further down)
    const lines = text.split('\n');
    lines.splice(edit.line, 0, edit.text.slice(0, -1));
    assert.deepEqual(readDirectives(lines.join('\n')), [{ line: finding.range.start.line + 1, codes: ['missing-foreign-key'] }]);
  });

  it('writes a -disable-file comment on the first line for a finding about the whole file', () => {
    const li = lineIndex('select 1;\n');
    assert.deepEqual(disableInsertion({ code: 'invalid-name', range: li.range(0, 0) }, li), { scope: 'file', line: 0, text: '-- supabase-migrations-disable-file invalid-name\n' });
    // a syntax error at the very start is still a line's
    assert.deepEqual(disableInsertion({ code: 'syntax-error', range: li.range(0, 0) }, li), { scope: 'line', line: 0, text: '-- supabase-migrations-disable-next-line syntax-error\n' });
  });
});
