/**
 * What verify refuses to run or stops, and the errors they become on the statement (classified as
 * `apply-error` with the SQLSTATE, like any Postgres error):
 *
 *   statement time limit   57014  PGlite does not honour `statement_timeout` (single-threaded WASM, no
 *                                 SIGALRM: `select pg_sleep(3)` under a 1 s timeout runs 3 s), so the parent
 *                                 process kills the worker when one statement runs longer (supervise.ts);
 *   memory limit           53200  V8's heap flags cap nothing here (PGlite's memory is WASM memory and the
 *                                 in-memory file system's array buffers: with --max-old-space-size=64 a
 *                                 1,000,000-row insert still takes the worker past 1 GB), so a thread in the
 *                                 worker samples the process's resident set and kills it at the limit;
 *   COPY ... PROGRAM       42501  what Supabase says to its non-superuser `postgres` role; in PGlite the
 *                                 attempt breaks the instance (every later query silently returns nothing).
 *
 * Pure: shared by the CLI side (run.ts, supervise.ts) and the worker (worker.ts); no PGlite, no parser.
 */
import type { PgErrorInfo, RunningScope } from './protocol';

/** Default limit of one statement, in seconds. */
export const DEFAULT_STATEMENT_TIMEOUT_S = 30;
/**
 * Default limit of the worker's resident set while a statement runs, in MB, beyond what a serving worker keeps
 * on purpose (snapshot, checkpoint archives). A worker with PGlite loaded and a cluster restored is at
 * ~350–500 MB; verifying every corpus folder of the tests in one worker peaks at ~600–750 MB. 1.5 GB leaves
 * that headroom on a busy machine (where a garbage collection comes later) and still stops a runaway
 * insert long before the machine swaps.
 */
export const DEFAULT_MEMORY_LIMIT_MB = 1536;

export interface VerifyLimits {
  /** Longest a statement may run, in ms; 0: no limit. */
  statementTimeoutMs: number;
  /** Largest resident set of the worker while a statement runs, in MB; 0: no limit. */
  memoryLimitMb: number;
  /** Where each came from (for the message): `--statement-timeout`, the config's key, `the default`. */
  source?: { statementTimeout?: string; memoryLimit?: string };
}

export const DEFAULT_LIMITS: VerifyLimits = { statementTimeoutMs: DEFAULT_STATEMENT_TIMEOUT_S * 1000, memoryLimitMb: DEFAULT_MEMORY_LIMIT_MB };

/** Where each limit can be set, for the findings' messages. */
const HOW_TO_SET = {
  statementTimeout: 'Set it with --statement-timeout <seconds>, "verify": { "statementTimeout" } in the config file or the VS Code setting supabaseMigrations.verifyStatementTimeout; 0: none',
  memoryLimit: 'Set it with --memory-limit <MB>, "verify": { "memoryLimit" } in the config file or the VS Code setting supabaseMigrations.verifyMemoryLimit; 0: none',
};

/** `1.5 s`, `30 s`. */
export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/** `1 GB`, `1.5 GB`, `700 MB`. */
export function formatMb(mb: number): string {
  return mb >= 1024 ? `${Number((mb / 1024).toFixed(2))} GB` : `${Math.round(mb)} MB`;
}

/** What was running, in the words of a finding. */
const RUNNING: Record<RunningScope, string> = {
  statement: 'this statement',
  rest: "this statement or one after it (they run together, after the migration's own COMMIT or ROLLBACK)",
  file: 'this migration (run as one piece, so the statement is not known)',
  commit: "this migration's COMMIT (deferred constraints and triggers)",
};

/** The error of a statement the parent stopped at the time limit. */
export function timeoutError(limits: VerifyLimits, scope: RunningScope): PgErrorInfo {
  return {
    sqlstate: '57014',
    message: `stopped after ${formatSeconds(limits.statementTimeoutMs)}: ${RUNNING[scope]} was still running at verify's statement time limit, so verify stopped the embedded Postgres; the migration counts as failed, the ones after it were applied without it`,
    hint: `Limit ${formatSeconds(limits.statementTimeoutMs)}, from ${limits.source?.statementTimeout ?? 'the caller'}. ${HOW_TO_SET.statementTimeout}. (The embedded Postgres ignores statement_timeout.)`,
  };
}

/** The error of a statement during which the worker reached the memory limit. */
export function memoryError(limits: VerifyLimits, rssMb: number, scope: RunningScope): PgErrorInfo {
  return {
    sqlstate: '53200',
    message: `stopped at ${formatMb(limits.memoryLimitMb)}: the embedded Postgres reached verify's memory limit while ${RUNNING[scope]} ran (${formatMb(rssMb)} resident), so verify stopped it; the migration counts as failed, the ones after it were applied without it`,
    hint: `Limit ${formatMb(limits.memoryLimitMb)}, from ${limits.source?.memoryLimit ?? 'the caller'}. ${HOW_TO_SET.memoryLimit}.`,
  };
}

/** COPY ... TO/FROM PROGRAM: refused (statically before the statement runs, or when the embedded Postgres tries to open the program). */
export function copyProgramError(command: string | undefined): PgErrorInfo {
  return {
    sqlstate: '42501',
    message: 'must be superuser or have privileges of the pg_execute_server_program role to COPY to or from an external program',
    detail: `verify refuses COPY ... PROGRAM${command !== undefined ? ` (${JSON.stringify(command.length > 200 ? command.slice(0, 200) + '…' : command)})` : ''}: it runs a shell command on the database server, which Supabase does not allow the postgres role, and verify never runs programs.`,
    hint: "Anyone can COPY to stdout or from stdin. psql's \\copy command also works for anyone.",
  };
}

// --- the worker's memory guard ---------------------------------------------------------------------------

/**
 * Shared between the worker's main thread and its memory-guard thread (Int32 slots): whether a migration
 * statement is running, the limit, and what a serving worker keeps on purpose (both in MB). The main thread
 * is blocked in WASM while a statement runs, so only another thread can watch it then.
 */
export const GUARD_RUNNING = 0;
export const GUARD_LIMIT_MB = 1;
export const GUARD_KEPT_MB = 2;
export const GUARD_SLOTS = 3;

/** The line the guard writes to stderr before it kills the worker; the parent reads it (supervise.ts). */
export const MEMORY_MARKER = 'supabase-migrations verify memory guard: ';

/** Parses the guard's line out of the worker's stderr: the resident set it saw, in MB. */
export function memoryMarker(stderr: string): { rssMb: number } | undefined {
  const i = stderr.lastIndexOf(MEMORY_MARKER);
  if (i < 0) return undefined;
  const m = /^\{"rssMb":(\d+)\}/.exec(stderr.slice(i + MEMORY_MARKER.length));
  return m ? { rssMb: Number(m[1]) } : undefined;
}

/**
 * The guard thread's code (run with `new Worker(code, { eval: true, workerData: { shared, intervalMs } })`):
 * while a statement runs and the process's resident set exceeds limit + kept, it writes the marker line
 * (synchronously: the main thread cannot forward anything) and kills its own process.
 */
export const MEMORY_GUARD_SOURCE = `
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
const slots = new Int32Array(workerData.shared);
setInterval(() => {
  if (Atomics.load(slots, ${GUARD_RUNNING}) !== 1) return;
  const limit = Atomics.load(slots, ${GUARD_LIMIT_MB});
  if (limit <= 0) return;
  const rssMb = Math.round(process.memoryUsage.rss() / 1048576);
  if (rssMb <= limit + Atomics.load(slots, ${GUARD_KEPT_MB})) return;
  try { fs.writeSync(2, '\\n${MEMORY_MARKER}' + JSON.stringify({ rssMb }) + '\\n'); } catch {}
  process.kill(process.pid, 'SIGKILL');
}, workerData.intervalMs);
`;
