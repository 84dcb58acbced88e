/**
 * Parent side of verify: prepares the request from an analysis, runs the worker in a child process,
 * classifies its answer. The language server never imports this module's worker (only the CLI does).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Analysis, EngineConfig } from '../engine/analyze';
import { advisorFindings } from './advisors';
import { classify, type Classified } from './classify';
import { checkpointCap } from './checkpoints';
import { CONTRIB, loadPlatform } from './platform';
import type { AdvisorReport, WorkerFileResult, WorkerMessage, WorkerRequest, WorkerTimings } from './protocol';
import { sqlSize, VERIFY_BASELINE_MAX_BYTES, WASM_TIER_ENV, type WasmTier, wasmTierFor } from '../wasmTier';

export const SEARCH_PATH = '"$user", public, extensions';

export interface VerifyOptions {
  /** File texts, by migration path (what the analysis was made from). */
  texts: ReadonlyMap<string, string>;
  stopAtFirstError?: boolean;
  /** Snapshot cache folder; null disables the cache (and checkpoints). Default: defaultCacheDir(). */
  cacheDir?: string | null;
  /**
   * Restore the longest unchanged prefix of the folder from a checkpoint in the cache folder and write
   * new ones (checkpoints.ts). Default true; the results are the same either way.
   */
  checkpoints?: boolean;
  onProgress?: (done: number, total: number) => void;
  /** Run the schema advisors on the applied schema (default true). */
  advisors?: boolean;
  /** The config's per-rule severities / "off" (applied to the advisors). */
  rules?: EngineConfig['rules'];
}

export interface VerifyResult extends Classified {
  timings: WorkerTimings & { totalMs: number };
  /** Raw worker answer per file (for tests and tools). */
  raw: WorkerFileResult[];
  /** Raw advisor rows (before mapping, config and ignore comments), when the advisors ran. */
  advisors?: AdvisorReport;
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

/**
 * How a worker whose first request is `req` compiles PGlite: baseline WASM code when the request's SQL is of
 * typical size (server/src/wasmTier.ts; all its files count, although checkpoints may skip some). The worker
 * gets it in its environment and sets the V8 flag itself before it loads PGlite. The warm service's worker
 * keeps it while it lives (a restarted one decides again): measured with re-verifies a few seconds apart
 * (scripts/measure-warm-verify.ts), baseline code was as fast or faster there too.
 */
export function workerTier(req: WorkerRequest): WasmTier {
  return wasmTierFor(sqlSize(req.jobs.flatMap((job) => job.files)), VERIFY_BASELINE_MAX_BYTES);
}

/** The worker: dist/verify-worker.js beside the bundle, or the TypeScript source through tsx (tests, dev). */
function workerEntry(): { file: string; execArgv: string[] } {
  const bundled = path.join(__dirname, 'verify-worker.js');
  if (fs.existsSync(bundled)) return { file: bundled, execArgv: [] };
  return { file: path.join(__dirname, 'worker.ts'), execArgv: ['--require', 'tsx/cjs'] };
}

export async function verifyAnalysis(analysis: Analysis, opts: VerifyOptions & { worker?: WarmWorker }): Promise<VerifyResult> {
  return (await verifyMany([{ analysis, ...opts }], { cacheDir: opts.cacheDir, worker: opts.worker }))[0];
}

export interface VerifyManyItem extends Omit<VerifyOptions, 'cacheDir'> {
  analysis: Analysis;
}

/**
 * Several folders, one after the other, in one worker process: modules, WASM and the snapshot are loaded
 * once, and every folder still gets a fresh cluster restored from the snapshot. Results in input order.
 */
export async function verifyMany(items: VerifyManyItem[], opts: { cacheDir?: string | null; worker?: WarmWorker } = {}): Promise<VerifyResult[]> {
  const t0 = Date.now();
  const platform = loadPlatform();
  const cacheDir = opts.cacheDir === undefined ? defaultCacheDir() : opts.cacheDir;
  const pgliteVersion = packageVersion('@electric-sql/pglite');
  // "-c1": the snapshot is taken after a checkpoint (older snapshots without one are simply not reused).
  const snapshotPath = cacheDir ? path.join(cacheDir, `pglite-${pgliteVersion}-vector-${packageVersion('@electric-sql/pglite-pgvector')}-${platform.hash}-c1.tar.gz`) : null;
  const textsOf = items.map(({ analysis, texts }) => analysis.migrations.map((m) => texts.get(m.path) ?? ''));
  const worker = opts.worker ? opts.worker.entry() : { ...workerEntry(), hash: '' };
  const codeHash = worker.hash || fileHash(worker.file);
  const req: WorkerRequest = {
    type: 'run',
    jobs: items.map(({ analysis, stopAtFirstError, advisors, checkpoints }, j) => ({
      files: analysis.migrations.map((m, i) => ({
        name: m.name,
        text: textsOf[j][i],
        statements: analysis.facts[i].statements.map((s) => ({ start: s.range.startByte, end: s.range.endByte, transaction: s.nodeType === 'TransactionStmt' })),
      })),
      stopAtFirstError: !!stopAtFirstError,
      advisors: advisors !== false,
      checkpoints: checkpoints !== false,
    })),
    shimSql: platform.shimSql,
    standins: platform.standins,
    contrib: CONTRIB,
    snapshotPath,
    // What, besides the files, decides the state after them: the snapshot (PGlite, pgvector, shim,
    // stand-ins, contrib), the worker's code (how files are applied and what it reports), the session.
    checkpoints:
      cacheDir && snapshotPath && items.some((i) => i.checkpoints !== false)
        ? { dir: path.join(cacheDir, 'checkpoints'), identity: `${path.basename(snapshotPath)}\0${codeHash}\0${SEARCH_PATH}`, maxBytes: checkpointCap() }
        : null,
    searchPath: SEARCH_PATH,
  };
  const onProgress = (job: number, done: number, total: number) => items[job]?.onProgress?.(done, total);
  const answers = opts.worker ? await opts.worker.run(req, onProgress) : await runWorker(worker, req, onProgress);
  return answers.map((answer, j) => {
    const { analysis, rules } = items[j];
    const classified = classify(analysis, answer.files, { texts: textsOf[j], postgres: `PostgreSQL ${answer.timings.postgresVersion} in PGlite ${pgliteVersion}` });
    if (answer.advisors) classified.findings.push(...advisorFindings(analysis, answer.files, answer.advisors, { rules }));
    const findings = sortFindings(analysis, classified.findings);
    return { ...classified, findings, raw: answer.files, advisors: answer.advisors, timings: { ...answer.timings, totalMs: Date.now() - t0 } };
  });
}

/** Migration order, then position, then code (what `check` does). */
function sortFindings<T extends { file: string; range: { startByte: number }; code: string }>(analysis: Analysis, findings: T[]): T[] {
  const order = new Map(analysis.migrations.map((m, i) => [m.path, i]));
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (order.get(a.f.file) ?? -1) - (order.get(b.f.file) ?? -1) || a.f.range.startByte - b.f.range.startByte || a.i - b.i)
    .map((x) => x.f);
}

interface WorkerAnswer {
  files: WorkerFileResult[];
  timings: WorkerTimings;
  advisors?: AdvisorReport;
}

/** The worker's code: the bundle, or (sources, through tsx) every module beside worker.ts. */
function fileHash(file: string): string {
  try {
    const h = createHash('sha256');
    const files = file.endsWith('.ts') ? fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith('.ts')).sort().map((f) => path.join(path.dirname(file), f)) : [file];
    for (const f of files) h.update(fs.readFileSync(f)).update('\0');
    return h.digest('hex').slice(0, 16);
  } catch {
    return 'unknown';
  }
}

/**
 * Worker processes of this process. A worker notices that its parent is gone through the IPC channel, but
 * only between statements: PGlite runs a statement synchronously, so a CLI or service killed while a long
 * statement (or an endless loop in a DO block) runs would leave a ~600 MB worker spinning. So when this
 * process ends (exit, or SIGTERM / SIGINT / SIGHUP: how the editor cancels a one-off verify and stops the
 * service), its workers are killed first.
 */
const workers = new Set<ChildProcess>();
let cleanupInstalled = false;

function forkWorker(file: string, args: string[], execArgv: string[], tier: WasmTier): ChildProcess {
  const child = fork(file, args, { execArgv, env: { ...process.env, [WASM_TIER_ENV]: tier }, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'json' });
  workers.add(child);
  child.once('exit', () => workers.delete(child));
  if (!cleanupInstalled) {
    cleanupInstalled = true;
    process.once('exit', killWorkers);
    for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
      process.once(sig, () => {
        killWorkers();
        process.exit(128 + (os.constants.signals[sig] ?? 15));
      });
    }
  }
  return child;
}

function killWorkers(): void {
  for (const w of workers) {
    try {
      w.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  workers.clear();
}

function runWorker({ file, execArgv }: { file: string; execArgv: string[] }, req: WorkerRequest, onProgress?: (job: number, done: number, total: number) => void): Promise<WorkerAnswer[]> {
  return new Promise((resolve, reject) => {
    const child = forkWorker(file, [], execArgv, workerTier(req));
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString('utf8')).slice(-8000)));
    const answers: WorkerAnswer[] = [];
    let settled = false;
    const done = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    child.on('message', (msg: WorkerMessage) => {
      if (msg.type === 'progress') onProgress?.(msg.job, msg.done, msg.total);
      else if (msg.type === 'result') answers[msg.job] = { files: msg.files, timings: msg.timings, advisors: msg.advisors };
      else if (msg.type === 'done') done(() => resolve(answers));
      else if (msg.type === 'fatal') done(() => reject(new Error(`verify worker: ${msg.message}`)));
    });
    child.on('error', (e) => done(() => reject(e)));
    child.on('exit', (code, signal) => done(() => reject(new Error(`verify worker exited (${code ?? signal}) without a result${stderr ? `:\n${stderr}` : ''}`))));
    child.send(req);
  });
}

/** A verify request was cancelled (WarmWorker.cancel). */
export class VerifyCancelled extends Error {
  constructor() {
    super('verify cancelled');
  }
}

/**
 * A worker that stays up between requests (`--serve`): PGlite, the snapshot and recent checkpoints stay in
 * memory (worker.ts, Warm). Forked on the first request and again after it exits; one request at a time
 * (the caller queues). Used by `verify --serve` (serve.ts), the editor's warm verify service.
 */
export class WarmWorker {
  private child: ChildProcess | undefined;
  private hash = '';
  private current: { resolve: (a: WorkerAnswer[]) => void; reject: (e: Error) => void; onProgress?: (job: number, done: number, total: number) => void; answers: WorkerAnswer[] } | undefined;
  private stderr = '';
  /** A cancel came before the request reached the worker (the caller was still analysing): refuse it. */
  private cancelNext = false;

  /** Forget a cancel that did not reach a request (call when a new request starts). */
  clearCancel(): void {
    this.cancelNext = false;
  }

  /** The worker's file and the hash of its code (fixed for the life of the process that runs it). */
  entry(): { file: string; execArgv: string[]; hash: string } {
    const e = workerEntry();
    if (!this.child) this.hash = fileHash(e.file);
    return { ...e, hash: this.hash };
  }

  /** Whether a worker process is up (for logs and tests). */
  get alive(): boolean {
    return !!this.child;
  }

  run(req: WorkerRequest, onProgress?: (job: number, done: number, total: number) => void): Promise<WorkerAnswer[]> {
    if (this.current) return Promise.reject(new Error('verify worker is busy'));
    if (this.cancelNext) {
      this.cancelNext = false;
      return Promise.reject(new VerifyCancelled());
    }
    const child = this.child ?? this.start(workerTier(req));
    return new Promise((resolve, reject) => {
      this.current = { resolve, reject, onProgress, answers: [] };
      child.send(req);
    });
  }

  /**
   * Stops the current request: the worker stops before its next file and keeps its warm state; when it
   * does not answer within `graceMs` (one long statement), it is killed (the next request starts a new one).
   */
  async cancel(graceMs = 3000): Promise<void> {
    const cur = this.current;
    const child = this.child;
    if (!cur || !child) {
      this.cancelNext = true;
      return;
    }
    const settled = new Promise<void>((r) => {
      const { resolve, reject } = cur;
      cur.resolve = (a) => (resolve(a), r());
      cur.reject = (e) => (reject(e), r());
    });
    child.send({ type: 'cancel' });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), graceMs)));
    if ((await Promise.race([settled, timeout])) === 'timeout') {
      child.kill('SIGKILL');
      await settled;
    }
    clearTimeout(timer);
  }

  dispose(): void {
    this.child?.kill();
    this.child = undefined;
  }

  private start(tier: WasmTier): ChildProcess {
    const { file, execArgv } = this.entry();
    const child = forkWorker(file, ['--serve'], execArgv, tier);
    this.child = child;
    this.stderr = '';
    child.stderr?.on('data', (d: Buffer) => (this.stderr = (this.stderr + d.toString('utf8')).slice(-8000)));
    const settle = (fn: (c: NonNullable<WarmWorker['current']>) => void) => {
      const cur = this.current;
      this.current = undefined;
      if (cur) fn(cur);
    };
    child.on('message', (msg: WorkerMessage) => {
      const cur = this.current;
      if (!cur) return;
      if (msg.type === 'progress') cur.onProgress?.(msg.job, msg.done, msg.total);
      else if (msg.type === 'result') cur.answers[msg.job] = { files: msg.files, timings: msg.timings, advisors: msg.advisors };
      else if (msg.type === 'done') settle((c) => c.resolve(c.answers));
      else if (msg.type === 'cancelled') settle((c) => c.reject(new VerifyCancelled()));
      else if (msg.type === 'fatal') settle((c) => c.reject(new Error(`verify worker: ${msg.message}`)));
    });
    const gone = (why: string) => {
      if (this.child === child) this.child = undefined;
      settle((c) => c.reject(new Error(`verify worker ${why} without a result${this.stderr ? `:\n${this.stderr}` : ''}`)));
    };
    child.on('error', (e) => gone(`failed (${e.message})`));
    child.on('exit', (code, signal) => gone(`exited (${code ?? signal})`));
    return child;
  }
}
