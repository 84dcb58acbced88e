/**
 * Entry point of the in-editor suite: VS Code (desktop via @vscode/test-electron, or code-server) loads this
 * file in the extension host and calls `run()`. Mocha and the test files are bundled into one file by
 * scripts/vscode/build-tests.mjs, so the suite needs no tsc output layout.
 *
 * Results are written as JSON for the driver, to the first of:
 *   1. env SBM_VSCODE_RESULTS (set by runTest.ts; may not reach the extension host under code-server);
 *   2. `resultsPath` in sbm-test-config.json next to this compiled file (written by the driver);
 *   3. <tmpdir>/sbm-vscode-results.json.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Mocha from 'mocha';

export interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}
export interface SuiteResults {
  passed: number;
  failed: number;
  pending: number;
  durationMs: number;
  vscodeVersion: string;
  tests: TestResult[];
}

export const CONFIG_FILE = 'sbm-test-config.json';

interface Config {
  resultsPath?: string;
  /** Only the tests whose full title matches (mocha --grep). */
  grep?: string;
}

function config(): Config {
  const file = path.join(__dirname, CONFIG_FILE);
  const fromFile: Config = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Config) : {};
  return {
    resultsPath: process.env.SBM_VSCODE_RESULTS || fromFile.resultsPath || path.join(os.tmpdir(), 'sbm-vscode-results.json'),
    grep: process.env.SBM_VSCODE_GREP || fromFile.grep,
  };
}

/** Registers the test files, in order (the later ones change the workspace and restore it). */
function loadTests(): void {
  require('./activation.test');
  require('./diagnostics.test');
  require('./definition.test');
  require('./hover.test');
  require('./tree.test');
  require('./verify.test'); // the warm verify service (runs the embedded Postgres)
  require('./renameQuickFix.test');
  require('./crossFileEdit.test');
  require('./teamWorkflow.test'); // makes the workspace a git repository for a while, then removes it
  require('./newMigration.test'); // last: the documents it opens may outlive their deleted files for a while
}

export function run(): Promise<void> {
  const cfg = config();
  const out = cfg.resultsPath!;
  const started = Date.now();
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  if (cfg.grep) mocha.grep(cfg.grep);
  // what `mocha.addFile` + `loadFiles` would do, for code that is already bundled into this file
  mocha.suite.emit('pre-require', globalThis, 'bundled', mocha);
  const tests: TestResult[] = [];
  const write = (extra?: string) => {
    const vscodeVersion = (require('vscode') as typeof import('vscode')).version;
    if (extra) tests.push({ title: 'suite', state: 'failed', error: extra });
    const r: SuiteResults = {
      passed: tests.filter((t) => t.state === 'passed').length,
      failed: tests.filter((t) => t.state === 'failed').length,
      pending: tests.filter((t) => t.state === 'pending').length,
      durationMs: Date.now() - started,
      vscodeVersion,
      tests,
    };
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out + '.tmp', JSON.stringify(r, null, 2));
    require('node:fs').renameSync(out + '.tmp', out); // the driver never sees a half-written file
    return r;
  };
  return new Promise((resolve, reject) => {
    try {
      loadTests();
      const runner = mocha.run((failures) => {
        const r = write();
        if (failures > 0) reject(new Error(`${failures} of ${r.passed + r.failed} tests failed`));
        else resolve();
      });
      runner.on('pass', (t) => tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
      runner.on('fail', (t, err: Error) => tests.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration, error: String(err?.stack ?? err) }));
      runner.on('pending', (t) => tests.push({ title: t.fullTitle(), state: 'pending' }));
    } catch (e) {
      write(String((e as Error)?.stack ?? e));
      reject(e);
    }
  });
}
