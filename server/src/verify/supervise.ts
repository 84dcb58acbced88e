/**
 * Runs one request on worker processes and enforces verify's limits (guards.ts) from the parent:
 *
 * - time: the worker says which piece of which migration starts (`running` / `idle`); when one runs longer
 *   than the statement time limit, the worker is killed (PGlite runs a statement synchronously and ignores
 *   statement_timeout, so nothing inside it can stop one);
 * - memory: the worker's own guard thread kills it at the memory limit and leaves a line on stderr.
 *
 * Either way the migration that was running fails at that statement (57014 / 53200) and the run goes on
 * like after any failed migration: a new worker applies the same folder again with that file given as
 * failed (not applied; the files before it are applied again, or restored from a checkpoint, so the state
 * is the one after a rolled-back failure: what a statement_timeout would give, except that statements
 * before the file's own COMMIT stay unapplied too), and so on until the request is done. Folders finished
 * before the stop keep their results; progress never goes back.
 */
import type { ChildProcess } from 'node:child_process';
import { UsageError } from '../host/workspace';
import { memoryError, memoryMarker, timeoutError, type VerifyLimits } from './guards';
import type { AdvisorReport, RunningScope, WorkerFileResult, WorkerMessage, WorkerRequest, WorkerTimings } from './protocol';

export interface WorkerAnswer {
  files: WorkerFileResult[];
  timings: WorkerTimings;
  advisors?: AdvisorReport;
}

/** A serving worker stopped the request after a cancel message. */
export class WorkerCancelled extends Error {
  constructor() {
    super('verify cancelled');
  }
}

export interface SuperviseOptions {
  limits: VerifyLimits;
  /** A worker for the next attempt: a new process, or the serving one (started again when it is gone). */
  launch: () => ChildProcess;
  onProgress?: (job: number, done: number, total: number) => void;
  /** Do not start another worker (a cancel arrived). */
  cancelled?: () => boolean;
}

interface Running {
  job: number;
  file: number;
  statement?: number;
  scope: RunningScope;
  since: number;
}

type Outcome =
  | { kind: 'done'; answers: WorkerAnswer[] }
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: Error }
  | { kind: 'stopped'; answers: WorkerAnswer[]; at: Running; reason: 'time' }
  | { kind: 'stopped'; answers: WorkerAnswer[]; at: Running; reason: 'memory'; rssMb: number };

export async function superviseRequest(req: WorkerRequest, opts: SuperviseOptions): Promise<WorkerAnswer[]> {
  const answers: WorkerAnswer[] = [];
  const maxDone: number[] = [];
  const stops: number[] = [];
  /** Index of the current request's first job in `req`. */
  let offset = 0;
  let current = req;
  for (;;) {
    const base = offset;
    const outcome = await attempt(opts.launch(), current, opts.limits, (job, done, total) => {
      const o = base + job;
      if (done <= (maxDone[o] ?? -1)) return;
      maxDone[o] = done;
      opts.onProgress?.(o, done, total);
    });
    if (outcome.kind === 'failed') throw outcome.error;
    if (outcome.kind === 'cancelled') throw new WorkerCancelled();
    outcome.answers.forEach((a, k) => a && (answers[base + k] = a));
    if (outcome.kind === 'done') {
      answers.forEach((a, k) => stops[k] && (a.timings.workersStopped = stops[k]));
      return answers;
    }
    if (opts.cancelled?.()) throw new WorkerCancelled();
    // Go on after the stopped migration: the stopped folder first, given that file as failed.
    const { at } = outcome;
    const error = outcome.reason === 'time' ? timeoutError(opts.limits, at.scope) : memoryError(opts.limits, outcome.rssMb, at.scope);
    if (at.statement !== undefined) error.statement = at.statement;
    const job = current.jobs[at.job];
    stops[base + at.job] = (stops[base + at.job] ?? 0) + 1;
    offset = base + at.job;
    current = { ...current, jobs: [{ ...job, stopped: [...(job.stopped ?? []).filter((s) => s.file !== at.file), { file: at.file, error }] }, ...current.jobs.slice(at.job + 1)] };
  }
}

/** One worker process doing (part of) the request: until it answers, fails, or a limit stops it. */
function attempt(child: ChildProcess, req: WorkerRequest, limits: VerifyLimits, onProgress: (job: number, done: number, total: number) => void): Promise<Outcome> {
  return new Promise((resolve) => {
    const answers: WorkerAnswer[] = [];
    let stderr = '';
    let now: Running | undefined;
    let killedAt: Running | undefined;
    let settled = false;
    const limitMs = limits.statementTimeoutMs;
    const timer =
      limitMs > 0
        ? setInterval(
            () => {
              if (!now || killedAt || Date.now() - now.since < limitMs) return;
              killedAt = now;
              child.kill('SIGKILL');
            },
            Math.max(20, Math.min(250, limitMs / 8)),
          )
        : undefined;
    const onStderr = (d: Buffer) => (stderr = (stderr + d.toString('utf8')).slice(-8000));
    const onMessage = (msg: WorkerMessage) => {
      if (msg.type === 'running') now = { job: msg.job, file: msg.file, statement: msg.statement, scope: msg.scope, since: Date.now() };
      else if (msg.type === 'idle') now = undefined;
      else if (msg.type === 'progress') onProgress(msg.job, msg.done, msg.total);
      else if (msg.type === 'result') answers[msg.job] = { files: msg.files, timings: msg.timings, advisors: msg.advisors };
      else if (msg.type === 'done') finish({ kind: 'done', answers });
      else if (msg.type === 'cancelled') finish({ kind: 'cancelled' });
      else if (msg.type === 'fatal') finish({ kind: 'failed', error: msg.usage ? new UsageError(msg.message) : new Error(`verify worker: ${msg.message}`) });
    };
    const onError = (e: Error) => finish({ kind: 'failed', error: e });
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      if (killedAt) return finish({ kind: 'stopped', answers, at: killedAt, reason: 'time' });
      const mem = memoryMarker(stderr);
      if (mem && now) return finish({ kind: 'stopped', answers, at: now, reason: 'memory', rssMb: mem.rssMb });
      finish({ kind: 'failed', error: new Error(`verify worker exited (${code ?? signal}) without a result${stderr ? `:\n${stderr}` : ''}`) });
    };
    function finish(o: Outcome): void {
      if (settled) return;
      settled = true;
      clearInterval(timer);
      child.stderr?.off('data', onStderr);
      child.off('message', onMessage);
      child.off('error', onError);
      child.off('close', onExit);
      resolve(o);
    }
    child.stderr?.on('data', onStderr);
    child.on('message', onMessage);
    child.on('error', onError);
    // (close, not exit: the memory guard's last line on stderr may still be in the pipe at exit)
    child.on('close', onExit);
    if (child.exitCode !== null || child.signalCode !== null) return onExit(child.exitCode, child.signalCode);
    child.send(req);
  });
}
