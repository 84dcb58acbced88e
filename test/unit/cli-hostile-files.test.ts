/**
 * The CLI on folders a careless user or an attacker could hand it: a named pipe, a symbolic link loop, an
 * unreadable file, a huge generated migration. Each is one finding on that file, never a hang, an exit 2 for
 * the whole folder, or memory that grows with the file.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');

/** Run the CLI with a deadline: a hang is a failure, not a stuck test run. Resolves with the peak RSS too. */
function run(args: string[], ms = 60_000): Promise<{ code: number | null; stdout: string; stderr: string; timedOut: boolean; peakRssKb: number }> {
  return new Promise((resolve) => {
    // GNU time reports the peak resident set of the process it runs
    const child = spawn('/usr/bin/time', ['-f', '%M', process.execPath, CLI, ...args], { env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, ms);
    child.on('close', (code) => {
      clearTimeout(timer);
      const lines = stderr.trimEnd().split('\n');
      const peakRssKb = Number(lines.pop());
      resolve({ code, stdout, stderr: lines.join('\n'), timedOut, peakRssKb });
    });
  });
}

function project(): { root: string; mig: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'sbm-hostile-'));
  const mig = path.join(root, 'supabase', 'migrations');
  mkdirSync(mig, { recursive: true });
  writeFileSync(path.join(mig, '20240101000000_tables.sql'), 'create table public.a (id bigint primary key);\n');
  writeFileSync(path.join(mig, '20240103000000_uses.sql'), 'select * from public.a;\nselect * from public.made_by_the_big_one;\n');
  return { root, mig };
}

interface JsonDiag {
  file: string;
  code: string;
  severity: string;
  message: string;
}

describe('CLI: hostile files in the migrations folder', function () {
  this.timeout(120_000);
  let p: ReturnType<typeof project>;
  beforeEach(() => (p = project()));
  afterEach(() => rmSync(p.root, { recursive: true, force: true }));

  it('a named pipe (FIFO) with a migration name: one error on it, no hang', async () => {
    execFileSync('mkfifo', [path.join(p.mig, '20240102000000_pipe.sql')]);
    execFileSync('mkfifo', [path.join(p.mig, 'not_a_migration.sql')]);
    const r = await run(['check', p.root, '--format', 'json'], 30_000);
    assert.equal(r.timedOut, false, 'check hung on the FIFO');
    assert.equal(r.code, 1, r.stderr);
    const diags = (JSON.parse(r.stdout) as { diagnostics: JsonDiag[] }).diagnostics;
    const mine = diags.filter((d) => d.code === 'unreadable-file');
    assert.equal(mine.length, 1);
    assert.equal(path.basename(mine[0].file), '20240102000000_pipe.sql');
    assert.equal(mine[0].severity, 'error');
    assert.match(mine[0].message, /named pipe \(FIFO\), not a regular file/);
  });

  it('a symbolic link loop and an unreadable file: one finding each, the rest of the folder is checked', async () => {
    symlinkSync('20240102000001_loop.sql', path.join(p.mig, '20240102000001_loop.sql'));
    symlinkSync('nowhere.sql', path.join(p.mig, '20240102000002_dangling.sql'));
    const locked = path.join(p.mig, '20240102000003_locked.sql');
    writeFileSync(locked, 'create table public.locked (id int);\n');
    chmodSync(locked, 0o000);
    const r = await run(['check', p.root, '--format', 'json']);
    assert.equal(r.code, 1, r.stderr);
    const diags = (JSON.parse(r.stdout) as { diagnostics: JsonDiag[] }).diagnostics;
    const byFile = Object.fromEntries(diags.filter((d) => d.code === 'unreadable-file').map((d) => [path.basename(d.file), d.message]));
    assert.match(byFile['20240102000001_loop.sql'], /symbolic link that loops/);
    assert.match(byFile['20240102000002_dangling.sql'], /symbolic link to nothing/);
    // root reads anything: the permission case is only observable for other users
    if (process.getuid?.() !== 0) assert.match(byFile['20240102000003_locked.sql'], /permission denied/);
    // and the rest was analysed: the unknown table in the last migration is reported, as info (an unread file may create it)
    const unknown = diags.find((d) => d.code === 'unknown-reference');
    assert.ok(unknown, 'the last migration was still checked');
    assert.equal(unknown.severity, 'info');
    assert.match(unknown.message, /Unless 20240102000001_loop\.sql, which was not read, creates it\./);
  });

  it('a 50 MB generated migration is not analysed: a warning, and memory stays near the floor', async () => {
    const big = path.join(p.mig, '20240102000000_big.sql');
    const fd = openSync(big, 'w');
    const chunk: string[] = [];
    for (let i = 1; i <= 400_000; i++) chunk.push(`create table public.t${i} (id bigint primary key, parent_id bigint references public.t${i - 1}(id), note text);\n`);
    const text = 'create table public.t0 (id bigint primary key);\n' + chunk.join('');
    writeSync(fd, text);
    closeSync(fd);
    const bytes = Buffer.byteLength(text);
    assert.ok(bytes > 40 * 1024 * 1024, `${bytes}`);
    const r = await run(['check', p.root, '--format', 'json']);
    assert.equal(r.timedOut, false);
    const diags = (JSON.parse(r.stdout) as { diagnostics: JsonDiag[] }).diagnostics;
    const w = diags.find((d) => d.code === 'unreadable-file')!;
    assert.equal(w.severity, 'warning');
    assert.match(w.message, /Not analysed: it is \d+ MiB, over the 5\.0 MiB limit for analysis/);
    // unknown names after it are not errors: the big file may create them
    assert.deepEqual(diags.filter((d) => d.severity === 'error'), []);
    assert.equal(r.code, 0);
    // peak RSS under 4x the input (here: far under; the floor of a small check is ~75-130 MB)
    assert.ok(r.peakRssKb * 1024 < 4 * bytes, `peak RSS ${r.peakRssKb} KB for ${bytes} bytes`);
    assert.ok(r.peakRssKb < 200 * 1024, `peak RSS ${r.peakRssKb} KB: the big file was read or analysed`);

    // the limit is the one given on the command line
    const r2 = await run(['check', p.root, '--format', 'json', '--max-file-size', '0.5']);
    assert.match((JSON.parse(r2.stdout) as { diagnostics: JsonDiag[] }).diagnostics.find((d) => d.code === 'unreadable-file')!.message, /over the 0\.5 MiB limit/);
  });

  it('--max-file-size and "maxFileBytes" are checked', async () => {
    assert.equal((await run(['check', p.root, '--max-file-size', '0'])).code, 2);
    assert.equal((await run(['check', p.root, '--max-file-size', 'lots'])).code, 2);
    writeFileSync(path.join(p.root, '.supabase-migrations.json'), '{ "maxFileBytes": 10 }');
    const r = await run(['check', p.root, '--format', 'json']);
    const diags = (JSON.parse(r.stdout) as { diagnostics: JsonDiag[] }).diagnostics;
    assert.equal(diags.filter((d) => d.code === 'unreadable-file').length, 2, 'both files are over 10 bytes');
    writeFileSync(path.join(p.root, '.supabase-migrations.json'), '{ "maxFileBytes": "big" }');
    assert.equal((await run(['check', p.root])).code, 2);
  });
});
