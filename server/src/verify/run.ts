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
import type { StatementFacts } from '../engine/facts';
import { parseSql } from '../engine/parser';
import { advisorFindings } from './advisors';
import { classify, type Classified } from './classify';
import { checkpointCap } from './checkpoints';
import { copyProgramError, DEFAULT_LIMITS, type VerifyLimits } from './guards';
import { CONTRIB, loadPlatform } from './platform';
import type { AdvisorReport, WorkerFileResult, WorkerRequest, WorkerStatement, WorkerTimings } from './protocol';
import { superviseRequest, WorkerCancelled, type WorkerAnswer } from './supervise';
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

export async function verifyAnalysis(analysis: Analysis, opts: VerifyOptions & { worker?: WarmWorker; limits?: VerifyLimits }): Promise<VerifyResult> {
  return (await verifyMany([{ analysis, ...opts }], { cacheDir: opts.cacheDir, worker: opts.worker, limits: opts.limits }))[0];
}

/**
 * A statement as the worker runs it: its byte range, and what the parser says about it that the worker
 * needs: whether it ends the transaction, whether it is COPY ... PROGRAM (refused, guards.ts).
 */
function workerStatement(bytes: Buffer, st: StatementFacts): WorkerStatement {
  const out: WorkerStatement = { start: st.range.startByte, end: st.range.endByte, transaction: st.nodeType === 'TransactionStmt' };
  if (st.transaction && 'outside' in st.transaction) out.outsideTransaction = true;
  if (st.nodeType !== 'TransactionStmt' && st.nodeType !== 'CopyStmt') return out;
  const text = bytes.subarray(st.range.startByte, st.range.endByte).toString('utf8');
  let node: Record<string, { kind?: string; is_program?: boolean; filename?: string }> | undefined;
  try {
    node = parseSql(text)[0]?.stmt as typeof node;
  } catch {
    // (the engine parsed it, so this does not happen; without the parser: decide from the text)
  }
  if (st.nodeType === 'TransactionStmt') {
    // BEGIN inside the file's transaction and savepoints keep it open; anything else (or unknown) ends it.
    const kind = node?.TransactionStmt?.kind;
    out.endsTransaction = !['TRANS_STMT_BEGIN', 'TRANS_STMT_START', 'TRANS_STMT_SAVEPOINT', 'TRANS_STMT_RELEASE', 'TRANS_STMT_ROLLBACK_TO'].includes(kind ?? '');
  } else if (node ? node.CopyStmt?.is_program : /\b(from|to)\s+program\b/i.test(text)) {
    out.refuse = copyProgramError(node?.CopyStmt?.filename);
  }
  return out;
}

export interface VerifyManyItem extends Omit<VerifyOptions, 'cacheDir'> {
  analysis: Analysis;
}

/**
 * Several folders, one after the other, in one worker process: modules, WASM and the snapshot are loaded
 * once, and every folder still gets a fresh cluster restored from the snapshot. Results in input order.
 */
export async function verifyMany(items: VerifyManyItem[], opts: { cacheDir?: string | null; worker?: WarmWorker; limits?: VerifyLimits } = {}): Promise<VerifyResult[]> {
  const limits = opts.limits ?? DEFAULT_LIMITS;
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
      files: analysis.migrations.map((m, i) => {
        const bytes = Buffer.from(textsOf[j][i], 'utf8');
        const facts = analysis.facts[i];
        return {
          name: m.name,
          text: textsOf[j][i],
          statements: facts.statements.map((s) => workerStatement(bytes, s)),
          ...(facts.syntaxErrors.some((e) => !e.deferred) ? { whole: true } : {}),
        };
      }),
      stopAtFirstError: !!stopAtFirstError,
      advisors: advisors !== false,
      checkpoints: checkpoints !== false,
    })),
    shimSql: platform.shimSql,
    standins: platform.standins,
    contrib: CONTRIB,
    snapshotPath,
    // What, besides the files, decides the state after them: the snapshot (PGlite, pgvector, shim,
    // stand-ins, contrib), the worker's code (how files are applied and what it reports), the session, and
    // the limits (a file that took 20 s is not what a 10 s limit gives).
    checkpoints:
      cacheDir && snapshotPath && items.some((i) => i.checkpoints !== false)
        ? {
            dir: path.join(cacheDir, 'checkpoints'),
            identity: `${path.basename(snapshotPath)}\0${codeHash}\0${SEARCH_PATH}\0limits ${limits.statementTimeoutMs} ms ${limits.memoryLimitMb} MB`,
            maxBytes: checkpointCap(),
          }
        : null,
    searchPath: SEARCH_PATH,
    memoryLimitMb: limits.memoryLimitMb,
  };
  const onProgress = (job: number, done: number, total: number) => items[job]?.onProgress?.(done, total);
  const answers = opts.worker ? await opts.worker.run(req, limits, onProgress) : await runWorker(worker, req, limits, onProgress);
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

function runWorker({ file, execArgv }: { file: string; execArgv: string[] }, req: WorkerRequest, limits: VerifyLimits, onProgress?: (job: number, done: number, total: number) => void): Promise<WorkerAnswer[]> {
  const tier = workerTier(req);
  return superviseRequest(req, { limits, launch: () => forkWorker(file, [], execArgv, tier), onProgress });
}

/** A verify request was cancelled (WarmWorker.cancel). */
export class VerifyCancelled extends Error {
  constructor() {
    super('verify cancelled');
  }
}

/**
 * A worker that stays up between requests (`--serve`): PGlite, the snapshot and recent checkpoints stay in
 * memory (worker.ts, Warm). Forked on the first request and again after it exits (or a limit stopped it:
 * supervise.ts); one request at a time (the caller queues). Used by `verify --serve` (serve.ts), the
 * editor's warm verify service.
 */
export class WarmWorker {
  private child: ChildProcess | undefined;
  private hash = '';
  private current: { resolve: (a: WorkerAnswer[]) => void; reject: (e: Error) => void; cancelling: boolean } | undefined;
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

  run(req: WorkerRequest, limits: VerifyLimits, onProgress?: (job: number, done: number, total: number) => void): Promise<WorkerAnswer[]> {
    if (this.current) return Promise.reject(new Error('verify worker is busy'));
    if (this.cancelNext) {
      this.cancelNext = false;
      return Promise.reject(new VerifyCancelled());
    }
    const tier = workerTier(req);
    return new Promise((resolve, reject) => {
      const cur: NonNullable<WarmWorker['current']> = { resolve, reject, cancelling: false };
      this.current = cur;
      const settle = (fn: () => void) => {
        if (this.current === cur) this.current = undefined;
        fn();
      };
      superviseRequest(req, { limits, launch: () => this.child ?? this.start(tier), onProgress, cancelled: () => cur.cancelling }).then(
        (answers) => settle(() => cur.resolve(answers)),
        (e: Error) => settle(() => cur.reject(e instanceof WorkerCancelled ? new VerifyCancelled() : e)),
      );
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
    cur.cancelling = true;
    const settled = new Promise<void>((r) => {
      const { resolve, reject } = cur;
      cur.resolve = (a) => (resolve(a), r());
      cur.reject = (e) => (reject(e), r());
    });
    child.send({ type: 'cancel' });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), graceMs)));
    if ((await Promise.race([settled, timeout])) === 'timeout') {
      this.child?.kill('SIGKILL');
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
    // read by the request in progress (supervise.ts); drained between requests, so that the pipe never fills
    child.stderr?.resume();
    // (the request in progress learns of it through its own listeners: supervise.ts)
    const gone = () => {
      if (this.child === child) this.child = undefined;
    };
    child.on('error', gone);
    child.on('exit', gone);
    return child;
  }
}
