/**
 * Cold CLI vs the warm verify service (`verify --serve`, what the VS Code extension uses), per corpus folder:
 * the first verify and a re-verify after a one-line edit of the last migration (an error introduced), wall
 * clock as the caller sees it. Each side gets a fresh cache folder holding only the shimmed-cluster snapshot,
 * the CLI runs with its disk checkpoints (the default), the service waits 3 s before the re-verify (a person
 * editing). Also checks that the warm and the cold outputs are identical (minus timings).
 *
 *   npm run build && npx tsx scripts/measure-warm-verify.ts [folder ...]   (default: the test/corpus folders)
 */
import { execFile, fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const CLI = path.join(ROOT, 'dist/cli.js');
const CORPUS = path.resolve(ROOT, 'test/corpus');
const SNAPSHOTS = [path.join(os.tmpdir(), 'supabase-migrations-verify-test-cache'), path.join(os.homedir(), '.cache/supabase-migrations')];
const EDIT = '\ncreate table public.measure_orphans (id bigint references public.measure_missing (id));\n';

function freshCache(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-measure-cache-'));
  for (const s of SNAPSHOTS) if (fs.existsSync(s)) for (const f of fs.readdirSync(s)) if (/^pglite-.*\.tar\.gz$/.test(f) && !fs.existsSync(path.join(dir, f))) fs.copyFileSync(path.join(s, f), path.join(dir, f));
  return dir;
}

function copyProject(src: string): { dir: string; last: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-measure-proj-'));
  const mig = path.join(dir, 'supabase/migrations');
  fs.cpSync(path.join(src, 'supabase/migrations'), mig, { recursive: true });
  const last = fs.readdirSync(mig).filter((f) => /^\d+_.*\.sql$/.test(f)).sort().pop()!;
  return { dir, last: path.join(mig, last) };
}

const strip = (out: string) => JSON.stringify({ ...JSON.parse(out), timings: undefined });

function cold(dir: string, cache: string): Promise<{ ms: number; out: string }> {
  const t0 = Date.now();
  return new Promise((resolve, reject) =>
    execFile(process.execPath, [CLI, 'verify', '.', '--format', 'json', '--no-progress'], { cwd: dir, env: { ...process.env, SUPABASE_MIGRATIONS_CACHE_DIR: cache }, maxBuffer: 256 << 20 }, (err, stdout, stderr) =>
      stdout ? resolve({ ms: Date.now() - t0, out: stdout }) : reject(new Error(`${err?.message}\n${stderr}`)),
    ),
  );
}

async function main() {
  const folders = process.argv.slice(2).length ? process.argv.slice(2) : fs.readdirSync(CORPUS).filter((f) => fs.existsSync(path.join(CORPUS, f, 'supabase/migrations'))).map((f) => path.join(CORPUS, f));
  const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log('| folder | files | cold CLI first | cold CLI re-verify | warm first (incl. service start) | warm re-verify | identical |');
  console.log('|---|---|---|---|---|---|---|');
  for (const folder of folders) {
    // cold CLI
    const c = copyProject(folder);
    const cc = freshCache();
    const c1 = await cold(c.dir, cc);
    fs.appendFileSync(c.last, EDIT);
    const c2 = await cold(c.dir, cc);
    // warm service
    const w = copyProject(folder);
    const wc = freshCache();
    const svc = fork(CLI, ['verify', '--serve', '--idle-timeout', '60'], { env: { ...process.env, SUPABASE_MIGRATIONS_CACHE_DIR: wc }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'], serialization: 'json' });
    let id = 0;
    const request = (dir: string) =>
      new Promise<{ ms: number; out: string; timings: { restoredFrom?: string; filesApplied?: number } }>((resolve, reject) => {
        const me = ++id;
        const t0 = Date.now();
        const on = (m: { type: string; id: number; output?: string; message?: string }) => {
          if (m.id !== me || m.type === 'progress') return;
          svc.off('message', on);
          if (m.type !== 'result') return reject(new Error(JSON.stringify(m)));
          resolve({ ms: Date.now() - t0, out: m.output!, timings: JSON.parse(m.output!).timings });
        };
        svc.on('message', on);
        svc.send({ type: 'verify', id: me, cwd: dir, args: { dir: '.' } });
      });
    const t0 = Date.now();
    const w1 = await request(w.dir);
    const w1ms = Date.now() - t0;
    await new Promise((r) => setTimeout(r, 3000));
    fs.appendFileSync(w.last, EDIT);
    const w2 = await request(w.dir);
    svc.send({ type: 'exit' });
    const same = strip(w1.out) === strip(c1.out) && strip(w2.out) === strip(c2.out);
    const n = (JSON.parse(c1.out) as { migrations: unknown[] }).migrations.length;
    console.log(`| ${path.basename(folder)} | ${n} | ${sec(c1.ms)} | ${sec(c2.ms)} | ${sec(w1ms)} | ${sec(w2.ms)} (${w2.timings.restoredFrom}, ${w2.timings.filesApplied} applied) | ${same ? 'yes' : 'NO'} |`);
    for (const d of [c.dir, cc, w.dir, wc]) fs.rmSync(d, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
