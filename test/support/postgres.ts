/**
 * A throwaway, real PostgreSQL 15 server for tests and scripts.
 *
 *   const pg = await startPostgres();
 *   try { ... await pg.query('select 1') ... } finally { await pg.stop(); }
 *
 * The cluster lives in a fresh temp dir (owned by the `postgres` OS user when
 * we run as root, because initdb/postgres refuse to run as root), listens on a
 * unix socket inside that dir plus a free port on 127.0.0.1 only, and runs
 * with fsync/full_page_writes off. `stop()` does a fast shutdown and deletes
 * the dir; a process 'exit' hook does the same (synchronously, immediate
 * shutdown) for servers a crashed test forgot to stop.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client, type QueryResultRow } from 'pg';
import { initParser } from '../../server/src/engine/parser';
import { PipelineSession } from './pipeline';

export interface StartPostgresOptions {
  /** Directory holding initdb/postgres. Default: $PG_BIN_DIR or /usr/lib/postgresql/15/bin. */
  binDir?: string;
  /** Milliseconds to wait for the server to accept connections. Default 30000. */
  readyTimeoutMs?: number;
  /** Extra `-c name=value` server settings. */
  settings?: Record<string, string>;
}

export interface PgServer {
  /** Always '127.0.0.1'. */
  host: string;
  port: number;
  /** Directory of the unix socket (usable as `host` for libpq / node-pg). */
  socketDir: string;
  /** postgresql://postgres@127.0.0.1:PORT/postgres */
  connectionString: string;
  /** Connection string for another database of this server. */
  connectionStringFor(database: string): string;
  /**
   * Runs SQL as the `postgres` superuser. Without params the simple-query
   * protocol is used, so several statements are allowed; the rows of the last
   * statement are returned.
   */
  query<R extends QueryResultRow = QueryResultRow>(sql: string, params?: unknown[], database?: string): Promise<R[]>;
  /** A new connected client (caller must `end()` it). */
  connect(database?: string): Promise<Client>;
  /** CREATE DATABASE "name" (fails if it exists). */
  createDatabase(name: string): Promise<void>;
  /** DROP DATABASE IF EXISTS "name" WITH (FORCE). */
  dropDatabase(name: string): Promise<void>;
  /** Fast shutdown + removal of the temp dir. Idempotent. */
  stop(): Promise<void>;
}

export const DEFAULT_PG_BIN_DIR = '/usr/lib/postgresql/15/bin';

/** Supabase's search path for migrations (postgres role / database default). */
export const SUPABASE_SEARCH_PATH = '"$user", public, extensions';

/** Returns the bin dir if initdb and postgres exist there, else null. */
export function findPostgresBinDir(binDir?: string): string | null {
  const dir = binDir ?? process.env.PG_BIN_DIR ?? DEFAULT_PG_BIN_DIR;
  const ok = ['initdb', 'postgres'].every((b) => {
    try {
      fs.accessSync(path.join(dir, b), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
  return ok ? dir : null;
}

export function quoteIdent(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"';
}

// ---------------------------------------------------------------------------
// process-exit cleanup for servers that were never stopped

interface LiveServer {
  pid: number | undefined;
  baseDir: string;
}
const liveServers = new Set<LiveServer>();
let exitHookInstalled = false;

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Whether a process with this pid is still there. */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function cleanupAllSync(): void {
  for (const s of liveServers) {
    if (s.pid !== undefined && pidAlive(s.pid)) {
      try {
        process.kill(s.pid, 'SIGQUIT'); // immediate shutdown
      } catch {
        /* already gone */
      }
      const deadline = Date.now() + 5000;
      while (pidAlive(s.pid) && Date.now() < deadline) sleepSync(50);
      if (pidAlive(s.pid)) {
        try {
          process.kill(s.pid, 'SIGKILL');
        } catch {
          /* ignore */
        }
      }
    }
    try {
      fs.rmSync(s.baseDir, { recursive: true, force: true });
    } catch {
      /* ignore */
    }
  }
  liveServers.clear();
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', cleanupAllSync);
}

// ---------------------------------------------------------------------------

function postgresUser(): { uid: number; gid: number } | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null; // not root: run as ourselves
  const r = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const g = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (r.status !== 0 || g.status !== 0) {
    throw new Error('Running as root but there is no `postgres` OS user to run PostgreSQL as (apt-get install postgresql-15 creates it).');
  }
  return { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
}

function chownRecursive(p: string, uid: number, gid: number): void {
  fs.chownSync(p, uid, gid);
  if (fs.statSync(p).isDirectory()) {
    for (const e of fs.readdirSync(p)) chownRecursive(path.join(p, e), uid, gid);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function startPostgres(opts: StartPostgresOptions = {}): Promise<PgServer> {
  const binDir = findPostgresBinDir(opts.binDir);
  if (!binDir) {
    throw new Error(
      `PostgreSQL 15 server binaries not found in ${opts.binDir ?? process.env.PG_BIN_DIR ?? DEFAULT_PG_BIN_DIR} ` +
        '(need initdb and postgres). Install them with `apt-get install postgresql-15`, or set PG_BIN_DIR.',
    );
  }
  const user = postgresUser();
  const spawnIds = user ? { uid: user.uid, gid: user.gid } : {};
  const baseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'supa-pg-'));
  const dataDir = path.join(baseDir, 'data');
  const socketDir = path.join(baseDir, 'sock');
  fs.mkdirSync(socketDir);
  if (user) chownRecursive(baseDir, user.uid, user.gid);

  const live: LiveServer = { pid: undefined, baseDir };
  liveServers.add(live);
  installExitHook();

  try {
    const init = spawnSync(
      path.join(binDir, 'initdb'),
      ['-D', dataDir, '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C', '-U', 'postgres'],
      { ...spawnIds, cwd: baseDir, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } },
    );
    if (init.status !== 0) {
      throw new Error(`initdb failed (exit ${init.status ?? init.signal}):\n${init.stderr || init.stdout || String(init.error)}`);
    }

    let lastError: Error | undefined;
    for (let attempt = 0; attempt < 3; attempt++) {
      const port = await freePort();
      try {
        return await launch(binDir, baseDir, dataDir, socketDir, port, spawnIds, live, opts);
      } catch (e) {
        lastError = e as Error;
        // Retry only if the port got taken between freePort() and bind().
        if (!/could not (bind|create listen socket)|Address already in use/i.test(lastError.message)) throw lastError;
      }
    }
    throw lastError ?? new Error('could not start postgres');
  } catch (e) {
    cleanupAllSyncOne(live);
    throw e;
  }
}

function cleanupAllSyncOne(live: LiveServer): void {
  liveServers.delete(live);
  if (live.pid !== undefined && pidAlive(live.pid)) {
    try {
      process.kill(live.pid, 'SIGKILL');
    } catch {
      /* ignore */
    }
  }
  fs.rmSync(live.baseDir, { recursive: true, force: true });
}

async function launch(
  binDir: string,
  baseDir: string,
  dataDir: string,
  socketDir: string,
  port: number,
  spawnIds: { uid?: number; gid?: number },
  live: LiveServer,
  opts: StartPostgresOptions,
): Promise<PgServer> {
  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    port: String(port),
    unix_socket_directories: socketDir,
    fsync: 'off',
    full_page_writes: 'off',
    synchronous_commit: 'off',
    logging_collector: 'off',
    max_connections: '50',
    shared_buffers: '32MB',
    ...opts.settings,
  };
  const args = ['-D', dataDir];
  for (const [k, v] of Object.entries(settings)) args.push('-c', `${k}=${v}`);

  const child: ChildProcess = spawn(path.join(binDir, 'postgres'), args, {
    ...spawnIds,
    cwd: baseDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LC_ALL: 'C' },
  });
  live.pid = child.pid;
  let log = '';
  const keep = (d: Buffer) => {
    log = (log + d.toString('utf8')).slice(-20000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exitPromise = new Promise<void>((resolve) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
    });
  });
  // Do not keep the event loop alive just because the server runs.
  child.unref();
  (child.stdout as unknown as { unref?: () => void } | null)?.unref?.();
  (child.stderr as unknown as { unref?: () => void } | null)?.unref?.();

  const host = '127.0.0.1';
  const connectionStringFor = (db: string) => `postgresql://postgres@${host}:${port}/${encodeURIComponent(db)}`;
  const clientConfig = (database: string) => ({ host: socketDir, port, user: 'postgres', database });

  // wait until ready
  const timeout = opts.readyTimeoutMs ?? 30000;
  const deadline = Date.now() + timeout;
  for (;;) {
    if (exited) {
      const ex = exited as { code: number | null; signal: NodeJS.Signals | null };
      throw new Error(`postgres exited during startup (code ${ex.code}, signal ${ex.signal}):\n${log}`);
    }
    const c = new Client(clientConfig('postgres'));
    c.on('error', () => undefined);
    try {
      await c.connect();
      await c.query('select 1');
      await c.end();
      break;
    } catch {
      await c.end().catch(() => undefined);
    }
    if (Date.now() > deadline) {
      try {
        process.kill(child.pid!, 'SIGQUIT');
      } catch {
        /* ignore */
      }
      throw new Error(`postgres did not become ready within ${timeout} ms (port ${port}, socket dir ${socketDir}). Server log:\n${log}`);
    }
    await delay(100);
  }

  const connect = async (database = 'postgres'): Promise<Client> => {
    const c = new Client(clientConfig(database));
    c.on('error', () => undefined);
    await c.connect();
    return c;
  };

  let adminClient: Client | null = null;
  const admin = async () => (adminClient ??= await connect('postgres'));

  let stopped = false;
  const server: PgServer = {
    host,
    port,
    socketDir,
    connectionString: connectionStringFor('postgres'),
    connectionStringFor,
    async query<R extends QueryResultRow = QueryResultRow>(sql: string, params?: unknown[], database?: string): Promise<R[]> {
      const run = async (c: Client) => {
        const res = (await c.query(sql, params as unknown[] | undefined)) as unknown;
        const last = Array.isArray(res) ? res[res.length - 1] : res;
        return ((last as { rows?: R[] } | undefined)?.rows ?? []) as R[];
      };
      if (!database || database === 'postgres') return run(await admin());
      const c = await connect(database);
      try {
        return await run(c);
      } finally {
        await c.end();
      }
    },
    connect,
    async createDatabase(name: string) {
      await (await admin()).query(`CREATE DATABASE ${quoteIdent(name)}`);
    },
    async dropDatabase(name: string) {
      await (await admin()).query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      if (adminClient) await adminClient.end().catch(() => undefined);
      if (!exited && child.pid !== undefined) {
        try {
          process.kill(child.pid, 'SIGINT'); // fast shutdown
        } catch {
          /* already gone */
        }
        const t = setTimeout(() => {
          try {
            process.kill(child.pid!, 'SIGQUIT');
          } catch {
            /* ignore */
          }
        }, 10000);
        await exitPromise;
        clearTimeout(t);
      }
      liveServers.delete(live);
      fs.rmSync(baseDir, { recursive: true, force: true });
    },
  };
  return server;
}

// ---------------------------------------------------------------------------
// applying a migrations folder like the Supabase CLI

export interface MigrationFile {
  name: string;
  text: string;
}

export interface ApplyResult {
  name: string;
  status: 'ok' | 'failed';
  sqlstate?: string;
  message?: string;
  detail?: string;
  hint?: string;
  /** Postgres' 1-based character position within the file text. */
  position?: number;
  /** Error context (e.g. "PL/pgSQL function ... line 3"), if any. */
  where?: string;
}

export interface ApplyOptions {
  /** SQL run once before the migrations (e.g. the Supabase platform shim); must succeed. */
  shimSql?: string;
}

/** The CLI's migration file name pattern (apps/cli-go/pkg/migration/file.go: migrateFilePattern). */
const MIGRATION_FILE_NAME = /^([0-9]+)_(.*)\.sql$/;

interface PgErrorLike {
  code?: string;
  message?: string;
  detail?: string;
  hint?: string;
  position?: string;
  where?: string;
}

/**
 * Creates database `dbName`, runs `shimSql`, then applies each file in order the way the Supabase CLI
 * does (./pipeline.ts: session state reset, then the file's statements as one pipeline, one implicit
 * transaction). Continues after failures.
 */
export async function applyMigrations(
  server: PgServer,
  dbName: string,
  files: MigrationFile[],
  opts: ApplyOptions = {},
): Promise<ApplyResult[]> {
  await server.createDatabase(dbName);
  if (opts.shimSql) {
    const client = await server.connect(dbName);
    try {
      await client.query(opts.shimSql);
    } catch (e) {
      const err = e as PgErrorLike;
      throw new Error(`platform shim failed: ${err.code ?? ''} ${err.message ?? String(e)}` + (err.position ? ` (at character ${err.position})` : ''));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  await initParser();
  // the CLI's history table (supabase/cli pkg/migration/history.go), which each file's pipeline ends by writing to
  await server.query('CREATE SCHEMA IF NOT EXISTS supabase_migrations; CREATE TABLE IF NOT EXISTS supabase_migrations.schema_migrations (version text NOT NULL PRIMARY KEY, statements text[], name text)', undefined, dbName);
  const prelude = `RESET ALL; RESET SESSION AUTHORIZATION; RESET ROLE; SET search_path TO ${SUPABASE_SEARCH_PATH}`;
  const results: ApplyResult[] = [];
  const session = await PipelineSession.open(server.port, dbName);
  try {
    for (const file of files) results.push(await applyFile(session, prelude, file));
  } finally {
    session.close();
  }
  return results;
}

/** One file, like the CLI: its statements, then the INSERT of its version into the history, in one pipeline. */
async function applyFile(session: PipelineSession, prelude: string, file: MigrationFile): Promise<ApplyResult> {
  const m = MIGRATION_FILE_NAME.exec(file.name);
  const quote = (v: string) => `'${v.replace(/'/g, "''")}'`;
  const record = m ? `INSERT INTO supabase_migrations.schema_migrations (version, name) VALUES (${quote(m[1])}, ${quote(m[2])})` : 'SELECT 1';
  const err = await session.apply(prelude, file.text, record);
  if (!err) return { name: file.name, status: 'ok' };
  const r: ApplyResult = { name: file.name, status: 'failed', message: err.message };
  if (err.code) r.sqlstate = err.code;
  if (err.detail) r.detail = err.detail;
  if (err.hint) r.hint = err.hint;
  if (err.position) r.position = err.position;
  if (err.where) r.where = err.where;
  return r;
}

// ---------------------------------------------------------------------------
// the Supabase platform shim and extension stand-ins (server/src/engine/catalog)

export const CATALOG_DIR = path.resolve(__dirname, '../../server/src/engine/catalog');
export const PLATFORM_SHIM_PATH = path.join(CATALOG_DIR, 'supabase-platform.sql');
export const STANDINS_DIR = path.join(CATALOG_DIR, 'standins');

export interface StandinInfo {
  name: string;
  file: string;
  sql: string;
  relocatable: boolean;
  /** Schema the extension always uses, or null if it goes to the WITH SCHEMA / search-path schema. */
  schema: string | null;
  requires: string[];
  accessMethods: string[];
  /** "am:opclass" names the real extension provides. */
  operatorClasses: string[];
  /** Members the stand-in does not list: "schema", "schema:kind" or "schema:kind:name" (ExtensionCatalog.opaque). */
  opaque: string[];
}

export function headerList(sql: string, key: string): string[] {
  const m = new RegExp(`^--\\s*@${key}:[ \\t]*(.*)$`, 'm').exec(sql);
  if (!m) return [];
  return m[1]
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Reads every stand-in (server/src/engine/catalog/standins/*.sql) with its header metadata. */
export function readStandins(): StandinInfo[] {
  return fs
    .readdirSync(STANDINS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => {
      const file = path.join(STANDINS_DIR, f);
      const sql = fs.readFileSync(file, 'utf8');
      const name = headerList(sql, 'extension')[0];
      if (!name) throw new Error(`${file}: missing "-- @extension: NAME" header`);
      const schema = headerList(sql, 'schema')[0] ?? null;
      return {
        name,
        file,
        sql,
        relocatable: headerList(sql, 'relocatable')[0] === 'true',
        schema,
        requires: headerList(sql, 'requires'),
        accessMethods: headerList(sql, 'access-methods'),
        operatorClasses: headerList(sql, 'operator-classes'),
        opaque: headerList(sql, 'opaque'),
      };
    });
}

/** Stand-in SQL with `@extschema@` replaced by `schema` (quoted identifier). */
export function standinSql(info: StandinInfo, schema: string): string {
  return info.sql.replace(/@extschema@/g, quoteIdent(schema));
}

/**
 * The full SQL to give a fresh database what a new Supabase project has:
 * supabase-platform.sql followed by the stand-ins it lists in its
 * `-- @preinstalled-standins:` header (installed in their fixed schema or in
 * `extensions`).
 */
export function platformShimSql(): string {
  const shim = fs.readFileSync(PLATFORM_SHIM_PATH, 'utf8');
  const wanted = headerList(shim, 'preinstalled-standins');
  const all = new Map(readStandins().map((s) => [s.name, s]));
  const parts = [shim];
  for (const name of wanted) {
    const s = all.get(name);
    if (!s) throw new Error(`supabase-platform.sql lists unknown stand-in ${name}`);
    parts.push(`-- stand-in: ${name}\n` + standinSql(s, s.schema ?? 'extensions'));
  }
  return parts.join('\n;\n');
}

/** Names listed in supabase-platform.sql's `-- @preinstalled-standins:` header. */
export function preinstalledStandins(): string[] {
  return headerList(fs.readFileSync(PLATFORM_SHIM_PATH, 'utf8'), 'preinstalled-standins');
}
