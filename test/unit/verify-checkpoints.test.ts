/**
 * verify checkpoints: a re-run restores the data directory saved after the longest unchanged prefix of the
 * folder and applies the rest only, with output identical to a full run (`--no-checkpoints`).
 *
 * One folder built from the three verify fixtures (13 files: stand-ins, the advisor cases with a failing
 * migration, then a failure and its cascade, renamed to come last), copied into variants: as is, the last
 * file edited, an early file edited. Every run is the CLI (dist/cli.js) with a private cache folder (the
 * shared test snapshot is copied in) and every checkpoint of the plan written
 * ($SUPABASE_MIGRATIONS_CHECKPOINT_MIN_GAIN_MS=0), so which prefix is restored is deterministic. The
 * reference runs (--no-checkpoints) run alongside the checkpoint runs, which go one after the other.
 */
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkpointPlan, prefixKeys, readCheckpointHeader } from '../../server/src/verify/checkpoints';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const FIXTURES = path.join(ROOT, 'test/fixtures/verify');
const SHARED_CACHE = path.join(os.tmpdir(), 'supabase-migrations-verify-test-cache');

/** name → text of the combined folder, in order. */
function baseFiles(): [string, string][] {
  const read = (fixture: string) => {
    const dir = path.join(FIXTURES, fixture, 'supabase/migrations');
    return fs.readdirSync(dir).sort().map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')] as [string, string]);
  };
  // the cascade fixture (accounts fails, projects cascades, tags applies) renamed to come after the others,
  // its tables renamed (the advisor cases have a public.projects and a public.tags)
  const cascade = read('cascade').map(([f, t], i) => [`2025030900000${i}_${f.replace(/^\d+_/, '')}`, t.replace(/public\.(accounts|projects|tags)\b/g, 'public.crm_$1')] as [string, string]);
  return [...read('standins'), ...read('advisors'), ...cascade];
}

interface VerifyJson {
  migrations: { file: string; status: string; sqlstate?: string }[];
  diagnostics: { code: string; file: string; message: string }[];
  timings: {
    snapshot: string;
    checkpoint?: { restoredAfter: string | null; filesSkipped: number; rejected: number; written: number; writtenBytes: number; writeMs: number; diskBytes: number };
  };
}

describe('verify: checkpoints', function () {
  this.timeout(300_000);
  const files = baseFiles();
  const n = files.length;
  const names = files.map(([f]) => f);
  const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-verify-ckpt-'));
  const CACHE = path.join(TMP, 'cache');
  const CKPT_DIR = path.join(CACHE, 'checkpoints');

  /** A project folder with the combined migrations, `edit` changing some of them. */
  function project(name: string, edit: (files: [string, string][]) => void = () => undefined): string {
    const dir = path.join(TMP, name);
    const list = files.map(([f, t]) => [f, t] as [string, string]);
    edit(list);
    fs.mkdirSync(path.join(dir, 'supabase/migrations'), { recursive: true });
    for (const [f, t] of list) fs.writeFileSync(path.join(dir, 'supabase/migrations', f), t);
    return dir;
  }
  // The last file (tags) now also references public.crm_projects, whose migration failed: a cascade.
  const LAST_EDIT = '\ncreate table public.crm_tag_projects (\n  tag_id bigint references public.crm_tags (id),\n  project_id bigint references public.crm_projects (id)\n);\n';
  const dirs = {
    orig: project('orig'),
    lastEdited: project('last-edited', (l) => (l[n - 1][1] += LAST_EDIT)),
    // file 3 (the advisors' tables) gains a table: every checkpoint after it is stale
    earlyEdited: project('early-edited', (l) => (l[3][1] += '\ncreate table public.early_extra (\n  id integer primary key\n);\n')),
  };

  function verify(dir: string, ...args: string[]): Promise<VerifyJson & { code: number; stderr: string }> {
    return new Promise((resolve, reject) => {
      execFile(
        process.execPath,
        [CLI, 'verify', '.', '--format', 'json', '--no-progress', ...args],
        { cwd: dir, env: { ...process.env, SUPABASE_MIGRATIONS_CACHE_DIR: CACHE, SUPABASE_MIGRATIONS_CHECKPOINT_MIN_GAIN_MS: '0', NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 },
        (err, stdout, stderr) => {
          try {
            resolve({ ...(JSON.parse(stdout) as VerifyJson), code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stderr });
          } catch {
            reject(new Error(`verify ${dir} ${args.join(' ')}: no JSON (${err?.message ?? ''})\n${stderr}`));
          }
        },
      );
    });
  }
  /** The output without timings (what must be identical with and without checkpoints). */
  const output = (r: VerifyJson & { code: number }) => JSON.stringify({ ...r, timings: undefined, stderr: undefined });
  const ckpt = (r: VerifyJson) => r.timings.checkpoint!;

  // Reference runs, without checkpoints: started when the suite starts, two at a time, beside the rest.
  let refs: Record<string, Promise<VerifyJson & { code: number; stderr: string }>> = {};
  before(function () {
    if (!fs.existsSync(CLI)) this.skip(); // `npm run build` first
    fs.mkdirSync(CACHE, { recursive: true });
    if (fs.existsSync(SHARED_CACHE)) for (const f of fs.readdirSync(SHARED_CACHE)) if (/^pglite-.*\.tar\.gz$/.test(f)) fs.copyFileSync(path.join(SHARED_CACHE, f), path.join(CACHE, f));
    const orig = verify(dirs.orig, '--no-checkpoints');
    const last = verify(dirs.lastEdited, '--no-checkpoints');
    refs = {
      orig,
      lastEdited: last,
      earlyEdited: orig.catch(() => undefined).then(() => verify(dirs.earlyEdited, '--no-checkpoints')),
      origStop: last.catch(() => undefined).then(() => verify(dirs.orig, '--no-checkpoints', '--stop-at-first-error')),
    };
    for (const p of Object.values(refs)) p.catch(() => undefined);
  });
  after(() => fs.rmSync(TMP, { recursive: true, force: true }));

  const plan = checkpointPlan(n);
  let first: VerifyJson & { code: number };
  /** The checkpoint files of the unedited folder, by prefix length. */
  const origCheckpoints = new Map<number, string>();

  it('a prefix key covers the files and how they were split into statements (stored results place errors by statement)', () => {
    const files = (ranges: [number, number][]) => [
      { name: '1_a.sql', text: 'create table a (id int);' },
      { name: '2_b.sql', text: 'select 1; select 2;', statements: ranges.map(([start, end]) => ({ start, end })) },
    ];
    const k = prefixKeys('id', files([[0, 9], [10, 19]]));
    assert.deepEqual(prefixKeys('id', files([[0, 9], [10, 19]])), k, 'deterministic');
    assert.equal(prefixKeys('id', files([[0, 19]]))[1], k[1], 'the first file is the same');
    assert.notEqual(prefixKeys('id', files([[0, 19]]))[2], k[2], 'another split of the same text is another prefix');
    assert.notEqual(prefixKeys('other', files([[0, 9], [10, 19]]))[0], k[0], 'the identity is part of every key');
  });

  it('the fixture has what must survive a restore: stand-ins, a failure, a cascade, advisors', async () => {
    const ref = await refs.orig;
    assert.equal(ref.code, 1, ref.stderr);
    const codes = new Set(ref.diagnostics.map((d) => d.code));
    for (const c of ['standin-used', 'apply-error', 'apply-cascade', 'rls-disabled-in-public', 'unindexed-foreign-key']) assert.ok(codes.has(c), c);
    assert.deepEqual(
      ref.migrations.map((m) => m.status),
      ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'failed', 'ok', 'failed', 'cascade', 'ok'],
    );
    assert.equal(ref.timings.checkpoint, undefined, '--no-checkpoints reports no checkpoint');
    assert.deepEqual(plan, [2, 4, 6, 8, 10, 12]);
  });

  it('first run: writes the planned checkpoints, output identical to a full run', async () => {
    first = await verify(dirs.orig);
    const c = ckpt(first);
    assert.equal(first.timings.snapshot, 'restored');
    assert.equal(c.restoredAfter, null);
    assert.equal(c.written, plan.length);
    assert.ok(c.writtenBytes > 0 && c.diskBytes >= c.writtenBytes);
    const onDisk = fs.readdirSync(CKPT_DIR).filter((f) => f.endsWith('.bin'));
    assert.equal(onDisk.length, plan.length);
    // each holds the results of its prefix, with OID marks
    for (const f of onDisk) {
      const h = readCheckpointHeader(path.join(CKPT_DIR, f));
      assert.ok(h.results.every((r) => typeof r.oidMark === 'number'));
      assert.deepEqual(h.files, names.slice(0, h.files.length));
      origCheckpoints.set(h.files.length, path.join(CKPT_DIR, f));
    }
    assert.deepEqual([...origCheckpoints.keys()].sort((a, b) => a - b), plan);
    assert.equal(output(first), output(await refs.orig));
  });

  it('second run: restores the checkpoint before the last file, applies one file, same output', async () => {
    const r = await verify(dirs.orig);
    assert.equal(r.timings.snapshot, 'checkpoint');
    assert.deepEqual({ ...ckpt(r), restoreMs: 0, writeMs: 0, diskBytes: 0 }, { restoredAfter: names[n - 2], filesSkipped: n - 1, restoreMs: 0, rejected: 0, written: 0, writtenBytes: 0, writeMs: 0, diskBytes: 0 });
    assert.equal(output(r), output(first));
  });

  it('an error introduced in the last file: restores before it, re-applies it only, reports it like a full run (a cascade)', async () => {
    const r = await verify(dirs.lastEdited);
    assert.equal(ckpt(r).restoredAfter, names[n - 2]);
    assert.equal(ckpt(r).filesSkipped, n - 1);
    assert.equal(ckpt(r).written, 0, 'every checkpoint of the plan is a prefix that did not change');
    const ref = await refs.lastEdited;
    assert.equal(output(r), output(ref));
    const last = r.migrations[n - 1];
    assert.deepEqual([path.basename(last.file), last.status, last.sqlstate], [names[n - 1], 'cascade', '42P01']);
    assert.ok(r.diagnostics.some((d) => d.code === 'apply-cascade' && path.basename(d.file) === names[n - 1]));
  });

  it('an edit in an early file: no checkpoint after it is used, same output as a full run', async () => {
    const r = await verify(dirs.earlyEdited);
    const c = ckpt(r);
    // file 3 changed: the longest usable prefix is 2 files (the plan's first point)
    assert.equal(c.restoredAfter, names[1]);
    assert.equal(c.filesSkipped, 2);
    assert.equal(c.written, plan.filter((p) => p > 3).length);
    assert.equal(output(r), output(await refs.earlyEdited));
  });

  it('--stop-at-first-error: uses only a prefix without failures before its end, same output as a full run', async () => {
    const r = await verify(dirs.orig, '--stop-at-first-error');
    // the first failure is file 8: the longest usable prefix is 8 files (10 and 12 hold failures)
    assert.equal(ckpt(r).restoredAfter, names[7]);
    const ref = await refs.origStop;
    assert.deepEqual(ref.migrations.map((m) => m.status), [...Array(8).fill('ok'), 'failed', ...Array(4).fill('skipped')]);
    assert.equal(output(r), output(ref));
  });

  it('damaged checkpoints are removed and the next shorter prefix is used; the output stays a full run’s', async () => {
    const at = (p: number) => origCheckpoints.get(p)!;
    // 12: bytes flipped in the archive (its hash no longer matches)
    const buf = fs.readFileSync(at(12));
    for (let i = buf.length - 5000; i < buf.length - 4000; i++) buf[i] ^= 0xff;
    fs.writeFileSync(at(12), buf);
    // 10: truncated
    fs.truncateSync(at(10), 100);
    // 8: intact archive, but its header claims another cluster (a wrong OID mark after the last file)
    const raw = fs.readFileSync(at(8));
    const len = raw.readUInt32BE(8);
    const h = JSON.parse(raw.subarray(12, 12 + len).toString('utf8')) as { results: { oidMark: number }[] };
    h.results[h.results.length - 1].oidMark += 1;
    const json = Buffer.from(JSON.stringify(h));
    const lenBuf = Buffer.alloc(4);
    lenBuf.writeUInt32BE(json.length);
    fs.writeFileSync(at(8), Buffer.concat([raw.subarray(0, 8), lenBuf, json, raw.subarray(12 + len)]));
    const damaged = [at(12), at(10), at(8)];

    const r = await verify(dirs.orig);
    const c = ckpt(r);
    assert.equal(c.rejected, 3);
    assert.equal(c.restoredAfter, names[5]);
    assert.equal(output(r), output(first));
    // the damaged ones were replaced by good ones
    assert.equal(c.written, 3);
    for (const f of damaged) assert.equal(readCheckpointHeader(f).results.length > 0, true);
  });

  it('pruning keeps the most recently used checkpoints under the cap', async () => {
    const sizes = fs.readdirSync(CKPT_DIR).map((f) => fs.statSync(path.join(CKPT_DIR, f)).size);
    const one = Math.max(...sizes);
    // room for about two: the run keeps what it used and wrote, the rest goes (least recently used first)
    const r = await new Promise<VerifyJson>((resolve, reject) =>
      execFile(
        process.execPath,
        [CLI, 'verify', '.', '--format', 'json', '--no-progress'],
        { cwd: dirs.lastEdited, env: { ...process.env, SUPABASE_MIGRATIONS_CACHE_DIR: CACHE, SUPABASE_MIGRATIONS_CHECKPOINT_MB: String((2 * one) / 1024 / 1024), NO_COLOR: '1' } },
        (err, stdout) => {
          try {
            resolve(JSON.parse(stdout) as VerifyJson);
          } catch {
            reject(err);
          }
        },
      ),
    );
    assert.equal(ckpt(r).restoredAfter, names[n - 2], 'the rewritten checkpoint before the last file');
    const left = fs.readdirSync(CKPT_DIR).filter((f) => f.endsWith('.bin'));
    assert.ok(left.length <= 2, `${left.length} left`);
    assert.ok(left.some((f) => readCheckpointHeader(path.join(CKPT_DIR, f)).files.length === n - 1), 'the restored one is kept');
    assert.equal(fs.readdirSync(CKPT_DIR).filter((f) => f.endsWith('.tmp')).length, 0);
  });
});
