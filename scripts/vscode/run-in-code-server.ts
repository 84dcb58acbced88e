/**
 * Runs the in-editor mocha suite (out/vscode/suite/index.js, built by build-tests.mjs) inside code-server:
 * the extension is loaded from this folder as in an Extension Development Host, a copy of examples/seed is
 * the workspace, and headless Chromium opens the workbench. Waits for the suite's results file, prints
 * them, stops everything, and exits 0 only when every test passed.
 *
 *   tsx scripts/vscode/run-in-code-server.ts [--timeout 240] [--grep <regex>] [--keep]
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SuiteResults } from '../../test/vscode/suite/index';
import { launchBrowser, log, makeSandbox, newPage, REPO, requireCodeServer, startCodeServer, workbenchUrl } from './codeServer';

const SUITE = path.join(REPO, 'out/vscode/suite/index.js');
const CONFIG = path.join(path.dirname(SUITE), 'sbm-test-config.json'); // read by the suite's run()

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
}

export function printResults(r: SuiteResults): void {
  for (const t of r.tests) {
    const mark = t.state === 'passed' ? '✓' : t.state === 'failed' ? '✗' : '-';
    console.log(`  ${mark} ${t.title}${t.durationMs !== undefined ? ` (${t.durationMs} ms)` : ''}`);
    if (t.error) console.log(t.error.replace(/^/gm, '      '));
  }
  console.log(`VS Code ${r.vscodeVersion}, ${(r.durationMs / 1000).toFixed(1)} s in the extension host`);
  console.log(`${r.passed} passed, ${r.failed} failed${r.pending ? `, ${r.pending} pending` : ''}`);
}

async function main(): Promise<number> {
  const t0 = Date.now();
  const timeoutMs = Number(arg('--timeout', '240')) * 1000;
  const keep = process.argv.includes('--keep');
  requireCodeServer();
  if (!existsSync(SUITE)) throw new Error(`${SUITE} missing: run node scripts/vscode/build-tests.mjs`);
  if (!existsSync(path.join(REPO, 'dist/extension.js'))) throw new Error('dist/extension.js missing: run npm run build');
  const box = makeSandbox('sbm-vscode-');
  const results = path.join(box.dir, 'results.json');
  const grep = arg('--grep', '');
  writeFileSync(CONFIG, JSON.stringify({ resultsPath: results, ...(grep ? { grep } : {}) }));
  const consoleLines: string[] = [];
  const cs = await startCodeServer({ ...box, env: { SBM_VSCODE_RESULTS: results, ...(grep ? { SBM_VSCODE_GREP: grep } : {}) } });
  log(`code-server on 127.0.0.1:${cs.port} (${((Date.now() - t0) / 1000).toFixed(1)} s); workspace ${box.workspace}`);
  const browser = await launchBrowser();
  try {
    const page = await newPage(browser, consoleLines);
    await page.goto(workbenchUrl(cs.port, box.workspace, [['extensionDevelopmentPath', REPO], ['extensionTestsPath', SUITE]]));
    log('workbench opened; waiting for the suite');
    const end = Date.now() + timeoutMs;
    while (!existsSync(results)) {
      if (Date.now() > end) {
        console.log(`timed out after ${timeoutMs / 1000} s waiting for ${results}`);
        console.log('--- browser console (last 40) ---\n' + consoleLines.slice(-40).join('\n'));
        console.log('--- code-server output (last 4000 chars) ---\n' + cs.output().slice(-4000));
        await page.screenshot({ path: path.join(box.dir, 'timeout.png') }).catch(() => undefined);
        console.log('0 passed, 1 failed');
        return 1;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    const r = JSON.parse(readFileSync(results, 'utf8')) as SuiteResults;
    printResults(r);
    log(`total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return r.failed === 0 && r.passed > 0 ? 0 : 1;
  } finally {
    await browser.close().catch(() => undefined);
    await cs.stop();
    rmSync(CONFIG, { force: true });
    if (!keep) rmSync(box.dir, { recursive: true, force: true });
    else log(`kept ${box.dir}`);
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
