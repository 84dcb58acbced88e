/**
 * Runs the in-editor suite in a downloaded VS Code desktop (@vscode/test-electron): for developer machines
 * and GitHub Actions (under xvfb-run on Linux). Here, where VS Code cannot be downloaded, use
 * `npm run test:vscode` (code-server) instead.
 *
 *   npm run test:vscode:electron          (VSCODE_VERSION=1.100.3 to pin; default: stable)
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import type { SuiteResults } from './suite/index';

async function main(): Promise<void> {
  const repo = path.resolve(__dirname, '../..');
  const suite = path.join(repo, 'out/vscode/suite/index.js');
  if (!existsSync(suite)) throw new Error(`${suite} missing: run node scripts/vscode/build-tests.mjs`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sbm-electron-'));
  const workspace = path.join(dir, 'seed');
  cpSync(path.join(repo, 'examples/seed'), workspace, { recursive: true });
  const results = path.join(dir, 'results.json');
  let failed = false;
  try {
    await runTests({
      version: process.env.VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: repo,
      extensionTestsPath: suite,
      extensionTestsEnv: { SBM_VSCODE_RESULTS: results },
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    });
  } catch (e) {
    console.error(`VS Code run failed: ${(e as Error)?.message ?? e}`);
    failed = true;
  }
  if (existsSync(results)) {
    const r = JSON.parse(readFileSync(results, 'utf8')) as SuiteResults;
    for (const t of r.tests.filter((x) => x.state === 'failed')) console.log(`✗ ${t.title}\n${t.error ?? ''}`);
    console.log(`VS Code ${r.vscodeVersion}: ${r.passed} passed, ${r.failed} failed${r.pending ? `, ${r.pending} pending` : ''}`);
    failed ||= r.failed > 0 || r.passed === 0;
  } else {
    console.log('no results written: the suite did not run');
    failed = true;
  }
  rmSync(dir, { recursive: true, force: true });
  process.exit(failed ? 1 : 0);
}

void main();
