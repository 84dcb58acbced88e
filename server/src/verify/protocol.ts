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
  statements: WorkerStatement[];
  /**
   * Run the file as one piece (the engine found a syntax error: Postgres parses the whole text first and
   * runs nothing). Otherwise the worker runs it statement by statement (see worker.ts `pieces`).
   */
  whole?: boolean;
}

export interface WorkerStatement {
  start: number;
  end: number;
  transaction: boolean;
  /** A transaction statement that ends the transaction (COMMIT, ROLLBACK, END, ABORT, PREPARE TRANSACTION, ...). */
  endsTransaction?: boolean;
  /** A command that refuses transaction blocks (CREATE INDEX CONCURRENTLY, VACUUM, ...): as the file's first statement it runs before the file's transaction. */
  outsideTransaction?: boolean;
  /** Not run: reported with this error instead (COPY ... PROGRAM, guards.ts). */
  refuse?: PgErrorInfo;
}

/** An SQL-only extension written into PGlite's virtual file system (control + install script). */
export interface WorkerStandin {
  name: string;
  control: string;
  script: string;
}

/** One folder to apply: a fresh cluster (restored from the snapshot) per job. */
export interface WorkerJob {
  files: WorkerFile[];
  stopAtFirstError: boolean;
  /** Run the schema advisors (advisors-sql.ts) on what was applied. */
  advisors: boolean;
  /** Restore from / write checkpoints (checkpoints.ts), when the request has a checkpoint folder. */
  checkpoints: boolean;
  /**
   * Files a limit stopped in an earlier worker of this run (supervise.ts): not applied again, reported with
   * this error. No checkpoint past the first of them is restored or written.
   */
  stopped?: { file: number; error: PgErrorInfo }[];
}

/** Where checkpoints live and what, besides the files, decides the state they hold (checkpoints.ts). */
export interface WorkerCheckpointConfig {
  dir: string;
  identity: string;
  /** Cap of all checkpoint files in `dir`. */
  maxBytes: number;
}

export interface WorkerRequest {
  type: 'run';
  /** Folders to verify, one after the other, in the same worker (one PGlite load, one snapshot read). */
  jobs: WorkerJob[];
  /** The platform shim adapted for PGlite (see platform.ts). Run once, then snapshotted. */
  shimSql: string;
  standins: WorkerStandin[];
  /** PGlite contrib extensions to load (fixed when the instance is constructed). */
  contrib: string[];
  /** Where the shimmed empty cluster is cached (a .tar.gz), or null for no cache. */
  snapshotPath: string | null;
  /** Checkpoints of applied prefixes (null: none read or written). */
  checkpoints: WorkerCheckpointConfig | null;
  searchPath: string;
  /** The worker's memory limit while a statement runs, in MB (0: none; guards.ts). */
  memoryLimitMb: number;
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
  /** Highest catalog OID after this file (objects with a higher OID were created by a later file). */
  oidMark?: number;
}

/** What the schema advisors found (advisors-sql.ts), before it is mapped to migrations (advisors.ts). */
export interface AdvisorReport {
  /** Highest catalog OID before the first migration: everything up to it is the platform. */
  baseOid: number;
  rows: AdvisorRow[];
}

export interface AdvisorObject {
  kind: 'table' | 'view' | 'function' | 'policy' | 'index';
  schema: string;
  name: string;
  /** Table of a policy or an index. */
  table?: string;
  /** Indexes: the constraint (primary key, unique, exclusion) the index was made for, if any. */
  constraint?: string | null;
  oid: number;
}

export interface AdvisorRow {
  code: string;
  /** Where the finding belongs (the object to put it on). */
  subject: AdvisorObject;
  /** Other objects involved (the policies of a table, the earlier index of a duplicate, ...). */
  others: AdvisorObject[];
  /** Advisor-specific words for the message (columns, signature, ...). */
  detail: Record<string, string>;
}

export interface WorkerTimings {
  /** Construct + ready (+ shim + snapshot when there was no snapshot yet). */
  startMs: number;
  applyMs: number;
  /** Where the cluster came from: the cached snapshot (restored / created now / not cached) or a checkpoint. */
  snapshot: 'restored' | 'created' | 'none' | 'checkpoint';
  /** Checkpoints, when enabled: what was restored and what was written (checkpoints.ts). */
  checkpoint?: CheckpointTimings;
  /**
   * Where this run's cluster came from: a checkpoint (a cluster a serving worker restored while idle, an
   * archive it kept in memory, a file in the cache folder) or the empty snapshot (in memory, from its file),
   * or a new cluster (initdb + shim).
   */
  restoredFrom?: 'ready-checkpoint' | 'memory-checkpoint' | 'disk-checkpoint' | 'memory-snapshot' | 'disk-snapshot' | 'new-cluster';
  /** Files applied by this run (the others' results came from the checkpoint). */
  filesApplied?: number;
  /** A serving worker (the editor's warm verify service): how many requests it has served, this one included. */
  serviceRequest?: number;
  /** Peak resident set size of the worker process, in MB. */
  peakRssMb: number;
  /** How V8 compiled PGlite in this worker (server/src/wasmTier.ts). */
  wasmTier?: 'baseline' | 'optimizing';
  /** Workers a limit stopped during this folder (each replaced by a new one; supervise.ts). */
  workersStopped?: number;
  postgresVersion: string;
}

export interface CheckpointTimings {
  /** The last file of the restored prefix, or null: started from the snapshot. */
  restoredAfter: string | null;
  /** Files not applied (their results come from the checkpoint). */
  filesSkipped: number;
  /** Reading + restoring the checkpoint (part of startMs). */
  restoreMs: number;
  /** Checkpoints found unusable (damaged, or not what they claim); removed, the next shorter prefix was tried. */
  rejected: number;
  /** Checkpoints written by this run, their size on disk, and the time the run spent on them. */
  written: number;
  writtenBytes: number;
  writeMs: number;
  /** All checkpoint files in the cache folder after pruning. */
  diskBytes: number;
}

/**
 * What part of a file runs now (for the parent's time limit and the finding's place): one statement, the
 * statements from `statement` to the end as one batch (after the file's own COMMIT or ROLLBACK), the whole
 * file as one piece, or the file's COMMIT (deferred constraints and triggers).
 */
export type RunningScope = 'statement' | 'rest' | 'file' | 'commit';

export type WorkerMessage =
  | { type: 'progress'; job: number; done: number; total: number }
  /** A piece of a migration starts running (not awaited by the worker: sent before PGlite blocks). */
  | { type: 'running'; job: number; file: number; statement?: number; scope: RunningScope }
  /** No migration statement runs (the worker's own work: session reset, catalog queries, checkpoints). */
  | { type: 'idle' }
  | { type: 'result'; job: number; files: WorkerFileResult[]; timings: WorkerTimings; advisors?: AdvisorReport }
  | { type: 'done' }
  /** A serving worker stopped the request after a cancel message; its warm state is intact. */
  | { type: 'cancelled' }
  /** `usage`: a setting makes the run impossible (a memory limit below what the worker needs to start). */
  | { type: 'fatal'; message: string; stack?: string; usage?: boolean };
