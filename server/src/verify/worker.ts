/**
 * The embedded-Postgres worker: a child process (dist/verify-worker.js) that owns one PGlite instance.
 * Kept out of the CLI and language-server bundles so that neither ever loads PGlite (~600 MB RSS);
 * PGlite itself is imported lazily and stays external to the bundle (it finds its WASM beside itself).
 *
 * Per job (one migrations folder; several jobs share the process, the loaded modules and the snapshot in
 * memory) it restores the shimmed empty cluster from the snapshot (or builds it and writes the snapshot),
 * applies each file in its own transaction like the Supabase CLI, resetting session state in between, and
 * runs the schema advisors (advisors-sql.ts) on the result when asked. With checkpoints (checkpoints.ts)
 * it starts instead from the data directory saved after the longest unchanged prefix of the folder,
 * reuses the results stored for that prefix, and saves new checkpoints while applying.
 * It executes SQL nowhere but inside that in-memory instance and opens no connection, and never runs a
 * program (COPY ... PROGRAM is refused: guards.ts).
 *
 * Limits (guards.ts): before each statement it tells the parent what runs (a `running` message; the parent
 * kills it when one statement runs too long, supervise.ts), and a thread of its own kills it when its
 * resident set passes the memory limit while a statement runs.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import * as zlib from 'node:zlib';
import { oidMark, runAdvisorQueries } from './advisors-sql';
import {
  CHECKPOINT_COMPRESSION,
  CHECKPOINT_FORMAT,
  checkpointFile,
  checkpointPlan,
  minSpreadGainMs,
  prefixKeys,
  pruneCheckpoints,
  readCheckpointData,
  readCheckpointHeader,
  removeQuietly,
  tarArchive,
  touch,
  writeCheckpoint,
  type CheckpointHeader,
  type DataDirEntry,
} from './checkpoints';
import { applyFile, errorInfo, resetSession, type PGliteLike } from './apply';
import { GUARD_KEPT_MB, GUARD_LIMIT_MB, GUARD_RUNNING, GUARD_SLOTS, MEMORY_GUARD_SOURCE } from './guards';
import type { AdvisorReport, CheckpointTimings, RunningScope, WorkerFileResult, WorkerMessage, WorkerRequest, WorkerStandin, WorkerTimings } from './protocol';
import { BASELINE_ONLY_V8_FLAG, WASM_TIER_ENV, type WasmTier } from '../wasmTier';

// How V8 compiles PGlite, decided by the parent for this worker's first request (run.ts `workerTier`). Set
// here, before PGlite is imported (lazily, below), with the flag API rather than on the command line.
const WASM_TIER: WasmTier = process.env[WASM_TIER_ENV] === 'baseline' ? 'baseline' : 'optimizing';
if (WASM_TIER === 'baseline') setFlagsFromString(BASELINE_ONLY_V8_FLAG);

function send(msg: WorkerMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) {
      process.stdout.write(JSON.stringify(msg) + '\n', () => resolve());
      return;
    }
    process.send(msg, undefined, undefined, () => resolve());
  });
}

// --- limits (guards.ts) ---------------------------------------------------------------------------------

/** Shared with the memory-guard thread: whether a statement runs, the limit, what is kept on purpose (MB). */
const guardSlots = new Int32Array(new SharedArrayBuffer(GUARD_SLOTS * 4));
let guardThread: Worker | undefined;

/** Starts the memory guard (once per process) and sets the limit of this request. */
function setMemoryLimit(mb: number): void {
  Atomics.store(guardSlots, GUARD_LIMIT_MB, Math.max(0, Math.round(mb)));
  if (mb <= 0 || guardThread) return;
  try {
    guardThread = new Worker(MEMORY_GUARD_SOURCE, { eval: true, workerData: { shared: guardSlots.buffer, intervalMs: 100 } });
    guardThread.unref();
    guardThread.on('error', () => (guardThread = undefined));
  } catch {
    // no threads here: no memory guard (the time limit still applies)
  }
}

/** What a migration runs now: told to the parent (its time limit) and to the memory guard. */
function running(job: number, file: number, statement: number | undefined, scope: RunningScope): void {
  Atomics.store(guardSlots, GUARD_RUNNING, 1);
  // Not awaited: libuv writes it at once, before PGlite blocks the thread for the statement.
  if (process.connected) process.send?.({ type: 'running', job, file, statement, scope } satisfies WorkerMessage);
}

function idle(): void {
  Atomics.store(guardSlots, GUARD_RUNNING, 0);
  if (process.connected) process.send?.({ type: 'idle' } satisfies WorkerMessage);
}

/** Programs the migrations tried to run (COPY ... PROGRAM), since the last file started. */
const refusedPrograms: string[] = [];

/**
 * Every instance refuses to open a pipe to a program: Postgres then fails the statement with a normal error
 * (PGlite's own handler throws inside WASM, which leaves the instance answering nothing). `locale -a` is
 * PGlite's own emulation of a command, not a program; it is left to PGlite.
 */
function refusePrograms(pg: PGliteLike): void {
  const own = pg.handleExternalCmd.bind(pg);
  pg.handleExternalCmd = (cmd: string, mode: string) => {
    if (cmd.startsWith('locale -a')) return own(cmd, mode);
    refusedPrograms.push(cmd);
    return 0;
  };
}

/** Contrib modules, by the name platform.ts uses (literal requires, kept external by the bundler; loaded lazily). */
const CONTRIB_MODULES: Record<string, () => Record<string, unknown>> = {
  pgcrypto: () => require('@electric-sql/pglite/contrib/pgcrypto') as Record<string, unknown>,
  uuid_ossp: () => require('@electric-sql/pglite/contrib/uuid_ossp') as Record<string, unknown>,
  pg_stat_statements: () => require('@electric-sql/pglite/contrib/pg_stat_statements') as Record<string, unknown>,
  pg_trgm: () => require('@electric-sql/pglite/contrib/pg_trgm') as Record<string, unknown>,
  citext: () => require('@electric-sql/pglite/contrib/citext') as Record<string, unknown>,
  hstore: () => require('@electric-sql/pglite/contrib/hstore') as Record<string, unknown>,
  ltree: () => require('@electric-sql/pglite/contrib/ltree') as Record<string, unknown>,
  btree_gist: () => require('@electric-sql/pglite/contrib/btree_gist') as Record<string, unknown>,
  btree_gin: () => require('@electric-sql/pglite/contrib/btree_gin') as Record<string, unknown>,
  fuzzystrmatch: () => require('@electric-sql/pglite/contrib/fuzzystrmatch') as Record<string, unknown>,
  unaccent: () => require('@electric-sql/pglite/contrib/unaccent') as Record<string, unknown>,
  moddatetime: () => require('@electric-sql/pglite/contrib/moddatetime') as Record<string, unknown>,
  tablefunc: () => require('@electric-sql/pglite/contrib/tablefunc') as Record<string, unknown>,
  intarray: () => require('@electric-sql/pglite/contrib/intarray') as Record<string, unknown>,
  cube: () => require('@electric-sql/pglite/contrib/cube') as Record<string, unknown>,
  earthdistance: () => require('@electric-sql/pglite/contrib/earthdistance') as Record<string, unknown>,
};

async function loadContrib(name: string): Promise<unknown> {
  const load = CONTRIB_MODULES[name];
  if (!load) throw new Error(`unknown PGlite contrib module ${name}`);
  return load()[name];
}

async function writeStandins(pg: PGliteLike, standins: WorkerStandin[]): Promise<void> {
  const rows = (await pg.query<{ setting: string }>("select setting from pg_config where name = 'SHAREDIR'")).rows;
  const dir = (rows[0]?.setting ?? '/pglite/share/postgresql') + '/extension';
  for (const s of standins) {
    pg.Module.FS.writeFile(`${dir}/${s.name}.control`, s.control);
    pg.Module.FS.writeFile(`${dir}/${s.name}--1.0.sql`, s.script);
  }
}

/**
 * Opens a fresh instance of the shimmed empty cluster: restored from `snapshot` (the raw tar kept in memory
 * after the first job), else from the snapshot file, else built (initdb + shim) and, when there is a
 * snapshot path, written there.
 */
async function openCluster(
  req: WorkerRequest,
  extensions: Record<string, unknown>,
  memory: { snapshot?: Blob },
  /** Another job follows: keep the built cluster in memory even without a snapshot path. */
  more: boolean,
): Promise<{ pg: PGliteLike; snapshot: WorkerTimings['snapshot']; from: WorkerTimings['restoredFrom'] }> {
  const { PGlite } = (await import('@electric-sql/pglite')) as unknown as { PGlite: new (opts: object) => PGliteLike };
  let snapshot: WorkerTimings['snapshot'] = 'none';
  let pg: PGliteLike | undefined;
  let from: WorkerTimings['restoredFrom'] = memory.snapshot ? 'memory-snapshot' : 'new-cluster';
  if (!memory.snapshot && req.snapshotPath && fs.existsSync(req.snapshotPath)) {
    from = 'disk-snapshot';
    try {
      memory.snapshot = new Blob([zlib.gunzipSync(fs.readFileSync(req.snapshotPath))]);
    } catch {
      // unreadable: rebuilt below
    }
  }
  if (memory.snapshot) {
    try {
      pg = new PGlite({ extensions, loadDataDir: memory.snapshot, relaxedDurability: true });
      await pg.waitReady;
      snapshot = 'restored';
    } catch {
      // A broken or incompatible snapshot: rebuild it below.
      await pg?.close().catch(() => undefined);
      pg = undefined;
      memory.snapshot = undefined;
    }
  }
  try {
    if (!pg) {
      from = 'new-cluster';
      pg = new PGlite({ extensions, relaxedDurability: true });
      await pg.waitReady;
    }
    refusePrograms(pg);
    await writeStandins(pg, req.standins);
    if (snapshot !== 'restored') {
      try {
        await pg.exec(req.shimSql);
      } catch (e) {
        const info = errorInfo(e);
        throw new Error(`platform shim failed in the embedded Postgres: ${info.sqlstate ?? ''} ${info.message}${info.position ? ` (at character ${info.position})` : ''}`);
      }
      if (req.snapshotPath || more) {
        // A checkpoint first, so that a restore has no WAL to replay.
        await pg.exec('CHECKPOINT');
        const raw = Buffer.from(await (await pg.dumpDataDir('none')).arrayBuffer());
        memory.snapshot = new Blob([raw]);
      }
      if (req.snapshotPath && memory.snapshot) {
        // Caching is an optimisation: a cache directory we cannot write (read-only, full disk, a scanner
        // holding the file on Windows) costs the next run its speed, never this run its result.
        const tmp = `${req.snapshotPath}.${process.pid}.tmp`;
        try {
          const raw = Buffer.from(await memory.snapshot.arrayBuffer());
          fs.mkdirSync(path.dirname(req.snapshotPath), { recursive: true });
          fs.writeFileSync(tmp, zlib.gzipSync(raw, { level: 1 }));
          fs.renameSync(tmp, req.snapshotPath);
          snapshot = 'created';
        } catch {
          removeQuietly(tmp);
        }
      }
    }
    return { pg, snapshot, from };
  } catch (e) {
    await pg?.close().catch(() => undefined);
    throw e;
  }
}

/**
 * What outlives a request in a serving worker (`--serve`, the editor's warm verify service; verify/serve.ts):
 * the loaded extensions, the snapshot, the most recently used checkpoints (their archives, uncompressed),
 * and one cluster already restored from the checkpoint before the last file of the last folder, prepared
 * while the service is idle (a re-verify after an edit of the last file then starts at once). A one-shot
 * worker (the CLI) keeps only the snapshot, for the folders of its one request.
 */
interface Warm {
  extensions?: { contrib: string; value: Record<string, unknown> };
  snapshot?: Blob;
  /** LRU (Map order): key → header + archive. */
  checkpoints: Map<string, MemoryCheckpoint>;
  /** The cluster being / already restored for the next request (see prepareReady). */
  ready?: Promise<ReadyCluster | undefined>;
  /** The current request was cancelled: stop before the next file. */
  cancelled: boolean;
  /** Requests served by this process so far. */
  requests: number;
}
interface MemoryCheckpoint {
  header: Omit<CheckpointHeader, 'sha256'>;
  tar: Buffer;
}
interface ReadyCluster {
  key: string;
  pg: PGliteLike;
  header: Omit<CheckpointHeader, 'sha256'>;
}

const SERVE = process.argv.includes('--serve');
/** Checkpoint archives kept in memory by a serving worker: at most this many, and this many MB in all. */
const MEMORY_CHECKPOINTS = 3;
const MEMORY_CHECKPOINT_MB = Number(process.env.SUPABASE_MIGRATIONS_MEMORY_CHECKPOINT_MB) >= 0 && process.env.SUPABASE_MIGRATIONS_MEMORY_CHECKPOINT_MB ? Number(process.env.SUPABASE_MIGRATIONS_MEMORY_CHECKPOINT_MB) : 384;
const warm: Warm = { checkpoints: new Map(), cancelled: false, requests: 0 };

class Cancelled extends Error {}
function checkCancelled(): void {
  if (warm.cancelled) throw new Cancelled('cancelled');
}

function remember(key: string, cp: MemoryCheckpoint): void {
  if (!SERVE) return;
  warm.checkpoints.delete(key);
  warm.checkpoints.set(key, cp);
  let bytes = 0;
  for (const c of warm.checkpoints.values()) bytes += c.tar.length;
  for (const [k, c] of warm.checkpoints) {
    if (warm.checkpoints.size <= MEMORY_CHECKPOINTS && bytes <= MEMORY_CHECKPOINT_MB * 1024 * 1024) break;
    if (k === key) continue;
    warm.checkpoints.delete(k);
    bytes -= c.tar.length;
  }
  if (bytes > MEMORY_CHECKPOINT_MB * 1024 * 1024) warm.checkpoints.delete(key);
}

async function loadExtensions(contrib: string[]): Promise<Record<string, unknown>> {
  const id = contrib.join(',');
  if (warm.extensions?.contrib === id) return warm.extensions.value;
  const { vector } = (await import('@electric-sql/pglite-pgvector')) as { vector: unknown };
  const extensions: Record<string, unknown> = { vector };
  for (const name of contrib) extensions[name] = await loadContrib(name);
  warm.extensions = { contrib: id, value: extensions };
  return extensions;
}

/** The prepared cluster (waiting for it when it is still being restored), taken: the caller uses or closes it. */
async function takeReady(): Promise<ReadyCluster | undefined> {
  const ready = warm.ready;
  warm.ready = undefined;
  return ready ? await ready : undefined;
}

async function run(req: WorkerRequest): Promise<void> {
  let t0 = Date.now();
  setMemoryLimit(req.memoryLimitMb);
  const extensions = await loadExtensions(req.contrib);
  warm.requests++;
  let last: { keys: string[]; n: number } | undefined;
  for (let j = 0; j < req.jobs.length; j++) {
    if (j > 0) t0 = Date.now();
    checkCancelled();
    const job = req.jobs[j];
    const ck = req.checkpoints && job.checkpoints ? { config: req.checkpoints, keys: prefixKeys(req.checkpoints.identity, job.files), stats: newStats() } : undefined;
    const ready = await takeReady();
    const restored = ck ? await restoreCheckpoint(req, j, extensions, ck.keys, ck.stats, ready) : undefined;
    if (ready && restored?.pg !== ready.pg) await ready.pg.close().catch(() => undefined);
    const { pg, snapshot, from } = restored ?? (await openCluster(req, extensions, warm, j < req.jobs.length - 1 || SERVE));
    try {
      await runJob(pg, req, j, snapshot, t0, ck && { ...ck, restored: restored?.header }, from);
    } finally {
      await pg.close().catch(() => undefined);
    }
    if (ck) last = { keys: ck.keys, n: job.files.length };
  }
  await send({ type: 'done' });
  if (SERVE && last && last.n >= 2) prepareReady(req, extensions, last.keys[last.n - 1]);
}

/** Serving: restore the checkpoint `key` (from memory) into a new cluster now, for the next request. */
function prepareReady(req: WorkerRequest, extensions: Record<string, unknown>, key: string): void {
  const cp = warm.checkpoints.get(key);
  if (!cp) return;
  warm.ready = (async () => {
    try {
      const pg = await restoreTar(req, extensions, cp.tar, cp.header);
      return { key, pg, header: cp.header };
    } catch {
      warm.checkpoints.delete(key);
      return undefined;
    }
  })();
}

/** A cluster restored from a checkpoint archive, checked against its header (the OID mark after its last file). */
async function restoreTar(req: WorkerRequest, extensions: Record<string, unknown>, tar: Buffer, header: Omit<CheckpointHeader, 'sha256'>): Promise<PGliteLike> {
  const { PGlite } = (await import('@electric-sql/pglite')) as unknown as { PGlite: new (opts: object) => PGliteLike };
  let pg: PGliteLike | undefined;
  try {
    pg = new PGlite({ extensions, loadDataDir: new Blob([tar]), relaxedDurability: true });
    await pg.waitReady;
    refusePrograms(pg);
    await writeStandins(pg, req.standins);
    const p = header.files.length;
    const mark = await oidMark(pg);
    if (mark !== header.results[p - 1].oidMark) throw new Error(`restored cluster has OID mark ${mark}, expected ${header.results[p - 1].oidMark}`);
    return pg;
  } catch (e) {
    await pg?.close().catch(() => undefined);
    throw e;
  }
}

/** Index of the first file a limit stopped in an earlier worker (Infinity: none). */
const firstStopped = (job: WorkerRequest['jobs'][number]): number => Math.min(Infinity, ...(job.stopped ?? []).map((s) => s.file));

const newStats = (): CheckpointTimings => ({ restoredAfter: null, filesSkipped: 0, restoreMs: 0, rejected: 0, written: 0, writtenBytes: 0, writeMs: 0, diskBytes: 0 });

/**
 * The longest prefix of the job's files that has a usable checkpoint, restored; undefined when there is
 * none (start from the snapshot). A checkpoint that cannot be read or restored, or whose cluster is not
 * what its header says (the OID mark after its last file), is removed and the next shorter one is tried.
 */
async function restoreCheckpoint(
  req: WorkerRequest,
  j: number,
  extensions: Record<string, unknown>,
  keys: string[],
  stats: CheckpointTimings,
  ready: ReadyCluster | undefined,
): Promise<{ pg: PGliteLike; snapshot: WorkerTimings['snapshot']; header: Omit<CheckpointHeader, 'sha256'>; from: WorkerTimings['restoredFrom'] } | undefined> {
  const job = req.jobs[j];
  const dir = req.checkpoints!.dir;
  const t = Date.now();
  /** Whether a checkpoint's header fits prefix p of this job (throws when it claims to and is not usable). */
  const fits = (header: Omit<CheckpointHeader, 'sha256'>, p: number): boolean => {
    if (header.key !== keys[p] || header.files.length !== p || header.files.some((n, i) => n !== job.files[i].name)) throw new Error('checkpoint of another prefix');
    // --stop-at-first-error: a full run would have skipped everything after a failure.
    if (job.stopAtFirstError && header.results.slice(0, p - 1).some((r) => r.status !== 'ok')) return false;
    if (header.results.some((r) => r.status === 'skipped' || r.oidMark === undefined)) throw new Error('incomplete checkpoint');
    return true;
  };
  const found = (p: number, pg: PGliteLike, header: Omit<CheckpointHeader, 'sha256'>, from: WorkerTimings['restoredFrom']) => {
    touch(checkpointFile(dir, keys[p]));
    stats.restoredAfter = job.files[p - 1].name;
    stats.filesSkipped = p;
    stats.restoreMs = Date.now() - t;
    return { pg, snapshot: 'checkpoint' as const, header, from };
  };
  // Nothing past a file a limit stopped: that file was not applied (and a checkpoint past it, written by a
  // run in which it did apply, is not what this run gives).
  for (let p = Math.min(job.files.length, firstStopped(job)); p >= 1; p--) {
    // 1. the cluster a serving worker restored while idle
    if (ready && ready.key === keys[p]) {
      try {
        if (fits(ready.header, p)) return found(p, ready.pg, ready.header, 'ready-checkpoint');
      } catch {
        stats.rejected++;
      }
    }
    // 2. an archive a serving worker kept in memory
    const mem = warm.checkpoints.get(keys[p]);
    if (mem) {
      try {
        if (fits(mem.header, p)) {
          const pg = await restoreTar(req, extensions, mem.tar, mem.header);
          remember(keys[p], mem);
          return found(p, pg, mem.header, 'memory-checkpoint');
        }
      } catch {
        stats.rejected++;
        warm.checkpoints.delete(keys[p]);
      }
    }
    // 3. a file in the cache folder
    const file = checkpointFile(dir, keys[p]);
    if (!fs.existsSync(file)) continue;
    try {
      const header = readCheckpointHeader(file);
      if (!fits(header, p)) continue;
      const tar = readCheckpointData(file);
      const pg = await restoreTar(req, extensions, tar, header);
      const { sha256: _sha, ...h } = header;
      remember(keys[p], { header: { ...h, compression: CHECKPOINT_COMPRESSION }, tar });
      return found(p, pg, header, 'disk-checkpoint');
    } catch {
      stats.rejected++;
      removeQuietly(file);
    }
  }
  stats.restoreMs = Date.now() - t;
  return undefined;
}

/**
 * The data directory's files, for a checkpoint: after a CHECKPOINT (so that a restore replays no WAL),
 * without the WAL segments outside [redo, insert] (recycled segments for later use: 16 MB each, unneeded).
 */
async function captureDataDir(pg: PGliteLike): Promise<Buffer> {
  await pg.exec('CHECKPOINT');
  const row = (
    await pg.query<{ dir: string; cur: string; redo: string }>(
      "select current_setting('data_directory') as dir, pg_walfile_name(pg_current_wal_insert_lsn()) as cur, (pg_control_checkpoint()).redo_wal_file as redo",
    )
  ).rows[0];
  const FS = pg.Module.FS;
  const entries: DataDirEntry[] = [];
  const walk = (abs: string, rel: string) => {
    for (const name of FS.readdir(abs).sort()) {
      if (name === '.' || name === '..') continue;
      const a = `${abs}/${name}`;
      const r = rel ? `${rel}/${name}` : name;
      if (rel === 'pg_wal' && /^[0-9A-F]{24}$/.test(name) && (name < row.redo || name > row.cur)) continue;
      const st = FS.stat(a);
      const mtime = st.mtime instanceof Date ? st.mtime.getTime() : Number(st.mtime);
      if (FS.isDir(st.mode)) {
        entries.push({ name: r, data: null, mtime });
        walk(a, r);
      } else if (FS.isFile(st.mode)) entries.push({ name: r, data: fileData(FS, a), mtime });
    }
  };
  walk(row.dir.replace(/\/+$/, ''), '');
  return tarArchive(entries);
}

/**
 * A file's bytes: a view of the in-memory file (MEMFS) where possible, to be copied into the archive at
 * once (before any further statement runs), else a copy.
 */
function fileData(FS: PGliteLike['Module']['FS'], p: string): Uint8Array {
  try {
    const node = FS.lookupPath(p).node;
    if (node.contents instanceof Uint8Array && typeof node.usedBytes === 'number' && node.usedBytes <= node.contents.length) return node.contents.subarray(0, node.usedBytes);
  } catch {
    /* not MEMFS: read it */
  }
  return FS.readFile(p);
}

interface JobCheckpoints {
  config: NonNullable<WorkerRequest['checkpoints']>;
  keys: string[];
  stats: CheckpointTimings;
  /** The checkpoint the cluster was restored from. */
  restored?: Omit<CheckpointHeader, 'sha256'>;
}

async function runJob(pg: PGliteLike, req: WorkerRequest, j: number, snapshot: WorkerTimings['snapshot'], t0: number, ck: JobCheckpoints | undefined, from: WorkerTimings['restoredFrom']): Promise<void> {
  const job = req.jobs[j];
  const version = (await pg.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]?.v ?? '';
  const startMs = Date.now() - t0;

  const t1 = Date.now();
  const n = job.files.length;
  // The restored prefix: its results as the run that wrote the checkpoint reported them.
  const results: WorkerFileResult[] = ck?.restored ? ck.restored.results.map((r) => ({ ...r })) : [];
  const start = results.length;
  const standinNames = new Set(req.standins.map((s) => s.name));
  const installed = async () => new Set((await pg.query<{ extname: string }>('select extname from pg_extension')).rows.map((r) => r.extname));
  let before = await installed();
  // OID marks are always taken with checkpoints: a checkpoint must serve a later run with advisors.
  const marks = job.advisors || !!ck;
  const baseOid = ck?.restored ? ck.restored.baseOid : marks ? await oidMark(pg) : 0;
  let stopped = job.stopAtFirstError && results.some((r) => r.status === 'failed');
  const plan = new Set(ck ? checkpointPlan(n) : []);
  const minGain = minSpreadGainMs();
  const writes: Promise<void>[] = [];
  /** Size of the last checkpoint archive (those being written are held in memory meanwhile). */
  let lastTarBytes: number | undefined;
  const keep = new Set<string>();
  let sinceMs = 0;
  const stoppedAt = new Map((job.stopped ?? []).map((x) => [x.file, x.error]));
  const checkpointAfter = async (p: number) => {
    // (the state after a file a limit stopped is not what applying the folder gives)
    if (p > firstStopped(job)) return;
    const stats = ck!.stats;
    const file = checkpointFile(ck!.config.dir, ck!.keys[p]);
    if (fs.existsSync(file)) {
      touch(file);
      sinceMs = 0;
      // A serving worker keeps the one before the last file in memory (the next request likely starts there).
      if (SERVE && p === n - 1 && !warm.checkpoints.has(ck!.keys[p])) {
        const tc = Date.now();
        try {
          const tar = await captureDataDir(pg);
          remember(ck!.keys[p], { header: { format: CHECKPOINT_FORMAT, key: ck!.keys[p], files: job.files.slice(0, p).map((f) => f.name), results: results.slice(0, p), baseOid, tarBytes: tar.length, compression: CHECKPOINT_COMPRESSION }, tar });
        } catch {
          // not kept
        }
        stats.writeMs += Date.now() - tc;
      }
      return;
    }
    // Spread checkpoints only where they save more than they cost; the one before the last file always.
    if (p !== n - 1 && sinceMs < minGain) return;
    const tc = Date.now();
    try {
      while (writes.length >= 2) await writes.shift();
      const tar = await captureDataDir(pg);
      lastTarBytes = tar.length;
      const header: Omit<CheckpointHeader, 'sha256'> = { format: CHECKPOINT_FORMAT, key: ck!.keys[p], files: job.files.slice(0, p).map((f) => f.name), results: results.slice(0, p), baseOid, tarBytes: tar.length, compression: CHECKPOINT_COMPRESSION };
      keep.add(file);
      remember(ck!.keys[p], { header, tar });
      writes.push(
        writeCheckpoint(ck!.config.dir, header, tar).then(
          (bytes) => {
            stats.written++;
            stats.writtenBytes += bytes;
          },
          () => undefined, // a checkpoint that cannot be written is simply not there next time
        ),
      );
      sinceMs = 0;
    } catch {
      // no checkpoint this time
    }
    stats.writeMs += Date.now() - tc;
  };
  if (start > 0) await send({ type: 'progress', job: j, done: start, total: n });
  // What this worker holds besides the cluster does not count against the memory limit.
  const keepMb = () => Atomics.store(guardSlots, GUARD_KEPT_MB, Math.round((keptBytes() + writes.length * (lastTarBytes ?? 0)) / 1048576));
  keepMb();
  const limitMb = Atomics.load(guardSlots, GUARD_LIMIT_MB);
  const rssMb = process.memoryUsage.rss() / 1048576;
  if (limitMb > 0 && guardThread && rssMb > limitMb + Atomics.load(guardSlots, GUARD_KEPT_MB)) {
    throw new UsageLimitError(`the memory limit (${limitMb} MB) is below what the embedded Postgres needs before applying anything (${Math.round(rssMb)} MB): raise it (--memory-limit, "verify": { "memoryLimit" }) or set 0 for none`);
  }
  for (let i = start; i < n; i++) {
    checkCancelled();
    const file = job.files[i];
    if (stopped) {
      results.push({ name: file.name, status: 'skipped', standins: [], ms: 0 });
      continue;
    }
    await send({ type: 'progress', job: j, done: i, total: job.files.length });
    keepMb();
    const ts = Date.now();
    // A file a limit stopped in an earlier worker is not applied again: its result is that stop.
    const given = stoppedAt.get(i);
    const error = given ? { ...given } : await applyFile(pg, file, req.searchPath, { running: (statement, scope) => running(j, i, statement, scope), idle, refused: refusedPrograms });
    const after = await installed();
    const used = [...after].filter((x) => !before.has(x) && standinNames.has(x));
    before = after;
    const result: WorkerFileResult = { name: file.name, status: error ? 'failed' : 'ok', error, standins: used, ms: Date.now() - ts };
    if (marks) result.oidMark = await oidMark(pg);
    results.push(result);
    sinceMs += result.ms;
    if (error && job.stopAtFirstError) stopped = true;
    if (plan.has(i + 1)) await checkpointAfter(i + 1);
  }
  checkCancelled();
  let advisors: AdvisorReport | undefined;
  if (job.advisors) {
    // On what exists: objects of migrations that failed (or were skipped) are simply not there.
    await resetSession(pg, req.searchPath);
    advisors = { baseOid, rows: await runAdvisorQueries(pg, baseOid) };
  }
  const applyMs = Date.now() - t1;
  let checkpoint: CheckpointTimings | undefined;
  if (ck) {
    const tw = Date.now();
    await Promise.all(writes);
    if (ck.restored) keep.add(checkpointFile(ck.config.dir, ck.restored.key));
    ck.stats.diskBytes = pruneCheckpoints(ck.config.dir, ck.config.maxBytes, keep);
    ck.stats.writeMs += Date.now() - tw;
    checkpoint = ck.stats;
  }
  // Without the advisors, the results are what they are without checkpoints (no OID marks).
  const files = job.advisors ? results : results.map(({ oidMark: _mark, ...r }) => r);
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  await send({ type: 'result', job: j, files, timings: { startMs, applyMs, snapshot, ...(checkpoint ? { checkpoint } : {}), peakRssMb, wasmTier: WASM_TIER, postgresVersion: version, restoredFrom: from, filesApplied: n - start, ...(SERVE ? { serviceRequest: warm.requests } : {}) }, advisors });
}

/** Bytes this worker holds on purpose besides the cluster: the snapshot and a serving worker's checkpoint archives. */
function keptBytes(): number {
  let bytes = warm.snapshot?.size ?? 0;
  for (const c of warm.checkpoints.values()) bytes += c.tar.length;
  return bytes;
}

/** A setting makes the run impossible (reported to the parent as such, not as a crash). */
class UsageLimitError extends Error {}


// The parent is gone (the run was cancelled, or a newer one replaced it, or the service ended): stop here.
process.on('disconnect', () => process.exit(0));

let queue: Promise<void> = Promise.resolve();
process.on('message', (msg: WorkerRequest | { type: 'cancel' }) => {
  if (msg?.type === 'cancel') {
    warm.cancelled = true;
    return;
  }
  if (msg?.type !== 'run') return;
  if (!SERVE) {
    run(msg).then(
      () => process.exit(0),
      async (e: Error) => {
        await send({ type: 'fatal', message: e?.message ?? String(e), stack: e?.stack, usage: e instanceof UsageLimitError });
        process.exit(1);
      },
    );
    return;
  }
  // Serving: one request after the other; a cancelled one leaves the warm state as it was.
  queue = queue.then(async () => {
    warm.cancelled = false;
    try {
      await run(msg);
    } catch (e) {
      if (e instanceof Cancelled) {
        await send({ type: 'cancelled' });
        return;
      }
      const err = e as Error;
      await send({ type: 'fatal', message: err?.message ?? String(e), stack: err?.stack, usage: e instanceof UsageLimitError });
      process.exit(1);
    }
  });
});
