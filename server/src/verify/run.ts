/**
 * Parent side of verify: prepares the request from an analysis, runs the worker in a child process,
 * classifies its answer. The language server never imports this module's worker (only the CLI does).
 */
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Analysis } from '../engine/analyze';
import { classify, type Classified } from './classify';
import { CONTRIB, loadPlatform } from './platform';
import type { WorkerFileResult, WorkerMessage, WorkerRequest, WorkerTimings } from './protocol';

export const SEARCH_PATH = '"$user", public, extensions';

export interface VerifyOptions {
  /** File texts, by migration path (what the analysis was made from). */
  texts: ReadonlyMap<string, string>;
  stopAtFirstError?: boolean;
  /** Snapshot cache folder; null disables the cache. Default: defaultCacheDir(). */
  cacheDir?: string | null;
  onProgress?: (done: number, total: number) => void;
}

export interface VerifyResult extends Classified {
  timings: WorkerTimings & { totalMs: number };
  /** Raw worker answer per file (for tests and tools). */
  raw: WorkerFileResult[];
}

/** Cache folder: $SUPABASE_MIGRATIONS_CACHE_DIR, else the OS cache folder (XDG_CACHE_HOME, ~/Library/Caches, LOCALAPPDATA). */
export function defaultCacheDir(): string {
  if (process.env.SUPABASE_MIGRATIONS_CACHE_DIR) return process.env.SUPABASE_MIGRATIONS_CACHE_DIR;
  const home = os.homedir();
  const base =
    process.platform === 'win32'
      ? (process.env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'))
      : process.platform === 'darwin'
        ? path.join(home, 'Library', 'Caches')
        : (process.env.XDG_CACHE_HOME ?? path.join(home, '.cache'));
  return path.join(base, 'supabase-migrations');
}

function packageVersion(name: string): string {
  try {
    let dir = path.dirname(require.resolve(name));
    for (let i = 0; i < 5; i++, dir = path.dirname(dir)) {
      const p = path.join(dir, 'package.json');
      if (fs.existsSync(p)) {
        const pkg = JSON.parse(fs.readFileSync(p, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === name) return pkg.version ?? '0';
      }
    }
  } catch {
    /* not installed */
  }
  return 'unknown';
}

/** The worker: dist/verify-worker.js beside the bundle, or the TypeScript source through tsx (tests, dev). */
function workerEntry(): { file: string; execArgv: string[] } {
  const bundled = path.join(__dirname, 'verify-worker.js');
  if (fs.existsSync(bundled)) return { file: bundled, execArgv: [] };
  return { file: path.join(__dirname, 'worker.ts'), execArgv: ['--require', 'tsx/cjs'] };
}

export async function verifyAnalysis(analysis: Analysis, opts: VerifyOptions): Promise<VerifyResult> {
  const t0 = Date.now();
  const platform = loadPlatform();
  const texts = analysis.migrations.map((m) => opts.texts.get(m.path) ?? '');
  const cacheDir = opts.cacheDir === undefined ? defaultCacheDir() : opts.cacheDir;
  const pgliteVersion = packageVersion('@electric-sql/pglite');
  const snapshotPath = cacheDir ? path.join(cacheDir, `pglite-${pgliteVersion}-vector-${packageVersion('@electric-sql/pglite-pgvector')}-${platform.hash}.tar.gz`) : null;
  const req: WorkerRequest = {
    type: 'run',
    files: analysis.migrations.map((m, i) => ({
      name: m.name,
      text: texts[i],
      statements: analysis.facts[i].statements.map((s) => ({ start: s.range.startByte, end: s.range.endByte, transaction: s.nodeType === 'TransactionStmt' })),
    })),
    shimSql: platform.shimSql,
    standins: platform.standins,
    contrib: CONTRIB,
    snapshotPath,
    searchPath: SEARCH_PATH,
    stopAtFirstError: !!opts.stopAtFirstError,
  };
  const answer = await runWorker(req, opts.onProgress);
  const classified = classify(analysis, answer.files, { texts, postgres: `PostgreSQL ${answer.timings.postgresVersion} in PGlite ${pgliteVersion}` });
  return { ...classified, raw: answer.files, timings: { ...answer.timings, totalMs: Date.now() - t0 } };
}

function runWorker(req: WorkerRequest, onProgress?: (done: number, total: number) => void): Promise<{ files: WorkerFileResult[]; timings: WorkerTimings }> {
  const { file, execArgv } = workerEntry();
  return new Promise((resolve, reject) => {
    const child = fork(file, [], { execArgv, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'json' });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString('utf8')).slice(-8000)));
    let settled = false;
    const done = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    child.on('message', (msg: WorkerMessage) => {
      if (msg.type === 'progress') onProgress?.(msg.done, msg.total);
      else if (msg.type === 'result') done(() => resolve({ files: msg.files, timings: msg.timings }));
      else if (msg.type === 'fatal') done(() => reject(new Error(`verify worker: ${msg.message}`)));
    });
    child.on('error', (e) => done(() => reject(e)));
    child.on('exit', (code, signal) => done(() => reject(new Error(`verify worker exited (${code ?? signal}) without a result${stderr ? `:\n${stderr}` : ''}`))));
    child.send(req);
  });
}
