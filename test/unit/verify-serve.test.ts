/**
 * `verify --serve`: the editor's warm verify service (server/src/cli/serve.ts). One service process (dist/cli.js,
 * as the extension forks it) answers requests over IPC with exactly what a cold `verify --format json` prints;
 * its serving worker keeps the snapshot, the checkpoint before the last file and a cluster restored from it in
 * memory, so a re-verify after editing the last file applies that file only. Checked against cold CLI runs with
 * `--no-checkpoints` (started when the suite starts, beside the service), minus timings. Times are printed, not
 * asserted. Also: cancel mid-run leaves a service that answers the next request correctly; the idle timeout and
 * the parent's disconnect end the service and its worker.
 */
import { strict as assert } from 'node:assert';
import { execFile, fork, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ServiceMessage, ServiceRequest } from '../../server/src/verify/serviceProtocol';
import { checkpointCap, DEFAULT_CHECKPOINT_MB } from '../../server/src/verify/checkpoints';
import { pidAlive } from '../support/postgres';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const FIXTURE = path.join(ROOT, 'test/fixtures/verify/advisors/supabase/migrations');
const SHARED_CACHE = path.join(os.tmpdir(), 'supabase-migrations-verify-test-cache');

interface VerifyJson {
  migrations: { file: string; status: string; sqlstate?: string }[];
  diagnostics: { code: string; file: string; message: string }[];
  timings: { restoredFrom?: string; filesApplied?: number; serviceRequest?: number; totalMs: number; wasmTier?: string; checkpoint?: { restoredAfter: string | null } };
}

/** The output without timings (what must be identical warm and cold). */
const output = (r: VerifyJson) => JSON.stringify({ ...r, timings: undefined });

/** Process ids whose parent is `pid` (Linux). */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const ppid = /PPid:\s+(\d+)/.exec(fs.readFileSync(`/proc/${d}/status`, 'utf8'))?.[1];
      if (Number(ppid) === pid) out.push(Number(d));
    } catch {
      /* gone */
    }
  }
  return out;
}

describe('verify --serve: the warm verify service', function () {
  this.timeout(300_000);
  const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-verify-serve-'));
  const CACHE = path.join(TMP, 'cache');
  const env = { ...process.env, SUPABASE_MIGRATIONS_CACHE_DIR: CACHE, NO_COLOR: '1' };
  const files = fs.readdirSync(FIXTURE).sort();
  const n = files.length;

  function project(name: string, edit: (texts: string[]) => void = () => undefined): string {
    const dir = path.join(TMP, name, 'supabase/migrations');
    fs.mkdirSync(dir, { recursive: true });
    const texts = files.map((f) => fs.readFileSync(path.join(FIXTURE, f), 'utf8'));
    edit(texts);
    files.forEach((f, i) => fs.writeFileSync(path.join(dir, f), texts[i]));
    return path.join(TMP, name);
  }
  const dirs = {
    orig: project('orig'),
    // the last file now also creates a table referencing one that does not exist: it fails
    lastEdited: project('last-edited', (t) => (t[n - 1] += '\ncreate table public.serve_orphans (\n  id bigint primary key,\n  missing_id bigint references public.serve_missing (id)\n);\n')),
    // the second file gains a table: nothing after the first file comes from a checkpoint
    earlyEdited: project('early-edited', (t) => (t[1] += '\ncreate table public.serve_early (\n  id integer primary key\n);\n')),
  };

  function cold(dir: string): Promise<VerifyJson> {
    return new Promise((resolve, reject) =>
      execFile(process.execPath, [CLI, 'verify', '.', '--format', 'json', '--no-progress', '--no-checkpoints'], { cwd: dir, env, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
        try {
          resolve(JSON.parse(stdout) as VerifyJson);
        } catch {
          reject(new Error(`cold verify ${dir}: no JSON (${err?.message ?? ''})\n${stderr}`));
        }
      }),
    );
  }

  /** A service as the extension starts it, and a client for it. */
  function service(idleSeconds: number) {
    const child: ChildProcess = fork(CLI, ['verify', '--serve', '--idle-timeout', String(idleSeconds)], { env, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'json' });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += String(d)));
    const exited = new Promise<number | string>((r) => child.on('exit', (code, signal) => r(code ?? signal ?? '?')));
    let id = 0;
    const listeners = new Map<number, (m: ServiceMessage) => void>();
    child.on('message', (m: ServiceMessage) => {
      if (m.type !== 'ready') listeners.get(m.id)?.(m);
    });
    const send = (m: ServiceRequest) => child.send(m);
    /** One request; `onProgress` may cancel it. Resolves with the final message and the round trip. */
    const request = (dir: string, onProgress?: (done: number, total: number, id: number) => void) =>
      new Promise<{ msg: ServiceMessage; ms: number; json?: VerifyJson }>((resolve) => {
        const me = ++id;
        const t0 = Date.now();
        listeners.set(me, (m) => {
          if (m.type === 'progress') return onProgress?.(m.done, m.total, me);
          listeners.delete(me);
          resolve({ msg: m, ms: Date.now() - t0, json: m.type === 'result' ? (JSON.parse(m.output) as VerifyJson) : undefined });
        });
        send({ type: 'verify', id: me, cwd: dir, args: { dir: '.' } });
      });
    const verify = async (dir: string) => {
      const r = await request(dir);
      assert.equal(r.msg.type, 'result', `${JSON.stringify(r.msg)}\n${stderr}`);
      return { json: r.json!, ms: r.ms };
    };
    return { child, exited, request, verify, send, stderr: () => stderr, lastId: () => id };
  }

  let refs: Record<keyof typeof dirs, Promise<VerifyJson>>;
  let svc: ReturnType<typeof service>;
  before(function () {
    if (!fs.existsSync(CLI)) this.skip(); // `npm run build` first
    fs.mkdirSync(CACHE, { recursive: true });
    if (fs.existsSync(SHARED_CACHE)) for (const f of fs.readdirSync(SHARED_CACHE)) if (/^pglite-.*\.tar\.gz$/.test(f)) fs.copyFileSync(path.join(SHARED_CACHE, f), path.join(CACHE, f));
    svc = service(600);
    // Cold references, one after the other, beside the service (two cores on CI).
    const orig = cold(dirs.orig);
    const last = orig.catch(() => undefined).then(() => cold(dirs.lastEdited));
    const early = last.catch(() => undefined).then(() => cold(dirs.earlyEdited));
    refs = { orig, lastEdited: last, earlyEdited: early };
    for (const p of Object.values(refs)) p.catch(() => undefined);
  });
  after(async () => {
    if (svc?.child.connected) svc.send({ type: 'exit' });
    await Promise.race([svc?.exited, new Promise((r) => setTimeout(r, 5000))]);
    svc?.child.kill();
    fs.rmSync(TMP, { recursive: true, force: true });
  });

  let first: VerifyJson;
  it('first verify, then a re-verify from the memory of the service: same output as a cold run', async () => {
    const a = await svc.verify(dirs.orig);
    first = a.json;
    await new Promise((r) => setTimeout(r, 2000)); // a person editing: the service restores ahead meanwhile
    const b = await svc.verify(dirs.orig);
    console.log(`      first verify ${a.ms} ms (${a.json.timings.restoredFrom}), re-verify ${b.ms} ms (${b.json.timings.restoredFrom}, ${b.json.timings.filesApplied} of ${n} files applied)`);
    assert.equal(b.json.timings.serviceRequest, 2, 'the same worker served both');
    // a folder of typical size: the worker runs PGlite baseline-compiled (server/src/wasmTier.ts), and keeps it
    assert.deepEqual([a.json.timings.wasmTier, b.json.timings.wasmTier], ['baseline', 'baseline']);
    assert.match(b.json.timings.restoredFrom ?? '', /^(ready|memory)-checkpoint$/);
    assert.equal(b.json.timings.checkpoint?.restoredAfter, files[n - 2]);
    assert.equal(b.json.timings.filesApplied, 1);
    assert.equal(output(a.json), output(b.json));
    assert.equal(output(a.json), output(await refs.orig));
  });

  it('an error introduced in the last file: applies that file only, output identical to a cold --no-checkpoints run', async () => {
    await new Promise((res) => setTimeout(res, 2000));
    const r = await svc.verify(dirs.lastEdited);
    console.log(`      re-verify after a last-file edit ${r.ms} ms (${r.json.timings.restoredFrom}, ${r.json.timings.filesApplied} of ${n} files applied)`);
    assert.equal(r.json.timings.checkpoint?.restoredAfter, files[n - 2]);
    assert.equal(r.json.timings.filesApplied, 1);
    const ref = await refs.lastEdited;
    assert.equal(output(r.json), output(ref));
    const last = r.json.migrations[n - 1];
    assert.notEqual(last.status, 'ok');
    assert.ok(r.json.diagnostics.some((d) => path.basename(d.file) === files[n - 1] && /serve_missing/.test(d.message)));
    assert.notEqual(output(r.json), output(first));
  });

  it('cancel mid-run: the request ends as cancelled, the next one gives the correct result', async () => {
    let cancelledAt = -1;
    const r = await svc.request(dirs.earlyEdited, (done, _total, id) => {
      if (done >= 2 && cancelledAt < 0) {
        cancelledAt = done;
        svc.send({ type: 'cancel', id });
      }
    });
    assert.equal(r.msg.type, 'cancelled', JSON.stringify(r.msg).slice(0, 300));
    assert.ok(cancelledAt >= 2);
    const again = await svc.verify(dirs.earlyEdited);
    assert.equal(output(again.json), output(await refs.earlyEdited));
    // and the warm state is still good for the folder before
    const back = await svc.verify(dirs.lastEdited);
    assert.equal(output(back.json), output(await refs.lastEdited));
  });

  it('a queued request can be cancelled before it starts', async () => {
    const a = svc.request(dirs.orig);
    const b = svc.request(dirs.orig);
    svc.send({ type: 'cancel', id: 10_000 }); // not a request: ignored
    svc.send({ type: 'cancel', id: svc.lastId() });
    const [ra, rb] = await Promise.all([a, b]);
    assert.equal(ra.msg.type, 'result');
    assert.equal(rb.msg.type, 'cancelled');
    assert.equal(output(ra.json!), output(first));
  });

  it('ends after the idle timeout (with its worker), and when its parent disconnects', async function () {
    if (process.platform !== 'linux') this.skip();
    const idle = service(1);
    const r = await idle.verify(dirs.lastEdited);
    assert.equal(output(r.json), output(await refs.lastEdited));
    const workers = childrenOf(idle.child.pid!);
    assert.equal(workers.length, 1, 'one worker process');
    const t0 = Date.now();
    assert.equal(await idle.exited, 0);
    console.log(`      idle service ended ${Date.now() - t0} ms after its answer`);
    for (let i = 0; i < 50 && workers.some(pidAlive); i++) await new Promise((res) => setTimeout(res, 100));
    assert.ok(!workers.some(pidAlive), 'the worker is gone too');

    const orphan = service(600);
    await new Promise((res) => orphan.child.once('message', res)); // ready
    orphan.child.disconnect();
    assert.equal(await orphan.exited, 0);
  });

  it('stopped with a signal in the middle of a statement, it kills its worker (which cannot notice)', async function () {
    if (process.platform !== 'linux') this.skip();
    // The worker runs a statement synchronously: an endless loop never lets it see its parent go.
    const endless = path.join(TMP, 'endless');
    fs.mkdirSync(path.join(endless, 'supabase/migrations'), { recursive: true });
    fs.writeFileSync(path.join(endless, 'supabase/migrations/20240101000000_a.sql'), 'create table public.endless_a (id bigint primary key);\n');
    fs.writeFileSync(path.join(endless, 'supabase/migrations/20240101000001_spin.sql'), 'do $$ begin loop end loop; end $$;\n');
    const svc2 = service(600);
    let workers: number[] = [];
    try {
      const inLoop = new Promise<void>((resolve) => void svc2.request(endless, (done) => done === 1 && resolve()));
      await inLoop; // the second file has started
      await new Promise((res) => setTimeout(res, 1000));
      workers = childrenOf(svc2.child.pid!);
      assert.equal(workers.length, 1, 'one worker process');
      svc2.child.kill('SIGTERM'); // what the extension does when it stops the service
      await svc2.exited;
      for (let i = 0; i < 50 && workers.some(pidAlive); i++) await new Promise((res) => setTimeout(res, 100));
      assert.ok(!workers.some(pidAlive), 'the worker is gone with its service');
    } finally {
      for (const w of workers) if (pidAlive(w)) process.kill(w, 'SIGKILL');
      svc2.child.kill('SIGKILL');
    }
  });

  it('a keep-warm time beyond what a timer can hold means "stay up", not "exit at once"', async () => {
    const long = service(6_000_000); // 69 days, past setTimeout's 2^31-1 ms
    await new Promise((res) => long.child.once('message', res)); // ready
    await new Promise((res) => setTimeout(res, 1500));
    assert.ok(long.child.connected && long.child.exitCode === null, `the service is still up\n${long.stderr()}`);
    long.send({ type: 'exit' });
    assert.equal(await long.exited, 0);
  });

  it('a cache directory that cannot be written costs speed, not the result', async () => {
    const blocker = path.join(TMP, 'not-a-directory');
    fs.writeFileSync(blocker, 'a file where the cache directory would go\n');
    const r = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
      execFile(process.execPath, [CLI, 'verify', '.', '--format', 'json', '--no-progress'], { cwd: dirs.orig, env: { ...env, SUPABASE_MIGRATIONS_CACHE_DIR: path.join(blocker, 'cache') }, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? null) : 0, stdout, stderr }),
      ),
    );
    assert.notEqual(r.code, 2, `no internal error\n${r.stderr}`);
    assert.equal(output(JSON.parse(r.stdout) as VerifyJson), output(await refs.orig));
  });

  it('an empty checkpoint cap in the environment is the default, not 0 MB', () => {
    const saved = process.env.SUPABASE_MIGRATIONS_CHECKPOINT_MB;
    try {
      process.env.SUPABASE_MIGRATIONS_CHECKPOINT_MB = '';
      assert.equal(checkpointCap(), DEFAULT_CHECKPOINT_MB * 1024 * 1024);
      process.env.SUPABASE_MIGRATIONS_CHECKPOINT_MB = '0';
      assert.equal(checkpointCap(), 0);
    } finally {
      if (saved === undefined) delete process.env.SUPABASE_MIGRATIONS_CHECKPOINT_MB;
      else process.env.SUPABASE_MIGRATIONS_CHECKPOINT_MB = saved;
    }
  });
});
