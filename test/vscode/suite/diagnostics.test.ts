import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, codeOf, mig, POLICIES, TENANTS, VIEW, waitForSeedState, INITIAL, MEMBERS } from './helpers';

describe('diagnostics', () => {
  before(async () => {
    await api();
    await waitForSeedState();
  });

  it('forward reference at 17:24 (1-based) of the policies migration, pointing at the tenants migration', () => {
    const d = vscode.languages.getDiagnostics(mig(POLICIES)).find((x) => codeOf(x) === 'forward-reference');
    assert.ok(d);
    assert.deepEqual([d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character], [16, 23, 16, 47]);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.match(d.message, /copilot_internal\.tenants is created by a later migration/);
    assert.match(d.message, /20260105000003_tenant_llm_policies\.sql/);
    assert.ok(d.relatedInformation?.some((r) => r.location.uri.toString() === mig(TENANTS).toString()), 'related information links the creating migration');
  });

  it('unknown reference with a suggestion in the view migration', () => {
    const all = vscode.languages.getDiagnostics(mig(VIEW));
    assert.equal(all.length, 1);
    const d = all[0];
    assert.equal(codeOf(d), 'unknown-reference');
    assert.deepEqual([d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character], [4, 5, 4, 19]);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.match(d.message, /Did you mean copilot_internal\.tenants\?/);
  });

  it('missing foreign key warning at 5:3 (1-based) on tenant_id', () => {
    const d = vscode.languages.getDiagnostics(mig(POLICIES)).find((x) => codeOf(x) === 'missing-foreign-key');
    assert.ok(d);
    assert.deepEqual([d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character], [4, 2, 4, 11]);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
  });

  it('the other migrations are clean', () => {
    for (const f of [INITIAL, TENANTS, MEMBERS]) assert.deepEqual(vscode.languages.getDiagnostics(mig(f)), [], f);
  });
});
