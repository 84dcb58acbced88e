/**
 * Messages between `supabase-migrations verify` (parent) and the embedded-Postgres worker (child process,
 * dist/verify-worker.js). JSON over the Node IPC channel. The worker never reads the workspace: it gets
 * the SQL to run from the parent and only ever executes it inside its own in-memory PGlite instance.
 */

/** One migration file, as the worker runs it. */
export interface WorkerFile {
  name: string;
  text: string;
  /** Top-level statements as UTF-8 byte ranges in `text` (from the engine's splitter). */
  statements: { start: number; end: number; transaction: boolean }[];
}

/** An SQL-only extension written into PGlite's virtual file system (control + install script). */
export interface WorkerStandin {
  name: string;
  control: string;
  script: string;
}

export interface WorkerRequest {
  type: 'run';
  files: WorkerFile[];
  /** The platform shim adapted for PGlite (see platform.ts). Run once, then snapshotted. */
  shimSql: string;
  standins: WorkerStandin[];
  /** PGlite contrib extensions to load (fixed when the instance is constructed). */
  contrib: string[];
  /** Where the shimmed empty cluster is cached (a .tar.gz), or null for no cache. */
  snapshotPath: string | null;
  searchPath: string;
  stopAtFirstError: boolean;
}

export interface PgErrorInfo {
  sqlstate?: string;
  message: string;
  detail?: string;
  hint?: string;
  where?: string;
  /** 1-based character (code point) position in the file text, when Postgres gave one. */
  position?: number;
  /** Index of the failing statement (found by replaying the file statement by statement), when known. */
  statement?: number;
}

export interface WorkerFileResult {
  name: string;
  status: 'ok' | 'failed' | 'skipped';
  error?: PgErrorInfo;
  /** Stand-in extensions this file installed. */
  standins: string[];
  ms: number;
}

export interface WorkerTimings {
  /** Construct + ready (+ shim + snapshot when there was no snapshot yet). */
  startMs: number;
  applyMs: number;
  snapshot: 'restored' | 'created' | 'none';
  /** Peak resident set size of the worker process, in MB. */
  peakRssMb: number;
  postgresVersion: string;
}

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'result'; files: WorkerFileResult[]; timings: WorkerTimings }
  | { type: 'fatal'; message: string; stack?: string };
