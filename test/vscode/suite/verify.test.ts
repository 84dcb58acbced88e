/** Verify Migrations through the warm verify service: a second run is answered by the same service, identically. */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, mig, INITIAL } from './helpers';

describe('verify (embedded Postgres)', () => {
  // the later suites expect the static diagnostics of the example only
  after(async () => (await api()).verify.diagnostics.clear());
  it('verifies twice through the warm service: the second result arrives, from the same service, equal to the first', async function () {
    this.timeout(240_000);
    const a = await api();
    const t0 = Date.now();
    const first = await a.verify.run(false);
    const t1 = Date.now();
    assert.ok(first && first.length === 1, 'one migrations folder verified');
    const pid = a.verify.servicePid;
    assert.ok(pid, 'the warm verify service is up');
    const second = await a.verify.run(false);
    const t2 = Date.now();
    assert.ok(second && second.length === 1, 'the second verify answered');
    assert.equal(a.verify.servicePid, pid, 'the same service answered');
    const strip = (r: typeof first) => JSON.stringify(r!.map((x) => ({ ...x, timings: undefined })));
    assert.equal(strip(second), strip(first));
    assert.ok(first[0].migrations.length > 0);
    // the results are diagnostics with source "postgres" (none when everything applies)
    const pg = vscode.languages.getDiagnostics(mig(INITIAL)).filter((d) => d.source === 'postgres');
    assert.equal(pg.length, second[0].diagnostics.filter((d) => d.file === mig(INITIAL).fsPath).length);
    console.log(`      verify: first ${t1 - t0} ms, second ${t2 - t1} ms`);
  });

  it('a new keep-warm time replaces the service; the next verify is answered by the new one, not failed by the old one ending', async function () {
    this.timeout(240_000);
    const a = await api();
    if (!a.verify.servicePid) await a.verify.run(false);
    const old = a.verify.servicePid;
    assert.ok(old, 'a warm verify service is up');
    const config = vscode.workspace.getConfiguration('supabaseMigrations');
    const changed = new Promise<void>((resolve) => {
      const sub = vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('supabaseMigrations.verifyKeepWarmMinutes')) return;
        sub.dispose();
        resolve();
      });
    });
    await config.update('verifyKeepWarmMinutes', 4, vscode.ConfigurationTarget.Workspace);
    try {
      await changed;
      // the old service is being stopped; its exit arrives while the new one is still starting
      const r = await a.verify.run(false);
      assert.ok(r && r.length === 1, 'the verify after the change answered');
      assert.ok(a.verify.servicePid && a.verify.servicePid !== old, 'by a new service');
    } finally {
      await config.update('verifyKeepWarmMinutes', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
