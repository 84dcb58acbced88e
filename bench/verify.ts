/**
 * Verify per corpus folder: `supabase-migrations verify` (PGlite, cold process, snapshot restored) against
 * the same folder applied to a real PostgreSQL 15 (started once; time of the apply loop only), with the
 * statuses side by side; and checkpoints: the first run (which writes them) and a re-verify after a
 * one-line edit in the last migration (which restores the checkpoint before it), against the full run.
 */
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WASM_TIER_ENV } from '../server/src/wasmTier';
import { applyMigrations, findPostgresBinDir, platformShimSql, startPostgres } from '../test/support/postgres';

export interface VerifyRow {
  workspace: string;
  files: number;
  verifyWallMs: number;
  verifyStartMs?: number;
  verifyApplyMs?: number;
  verifyRssMb?: number;
  verifyOk: number;
  verifyFailed: number;
  /** Verify findings `not-predicted`: an apply error in a migration where `check` reported no error (a gap of the static engine). */
  notPredicted: number;
  pg15ApplyMs?: number;
  pg15Ok?: number;
  pg15Failed?: number;
  checkpoints?: CheckpointRow;
  /** The same run with V8's default WASM tier-up forced (the CLI picks baseline-only for these folders). */
  optimizing?: { wallMs: number; startMs?: number; applyMs?: number; rssMb?: number };
}

/** Medians over REPS repetitions (wall time of a cold CLI process). */
export interface CheckpointRow {
  /** --no-checkpoints (every file applied). */
  fullMs: number;
  /** Checkpoints on, none there yet: applies everything and writes them. */
  firstMs: number;
  /** Time the first run spent writing checkpoints (timings.checkpoint.writeMs), their number and size. */
  writeMs: number;
  written: number;
  diskMb: number;
  /** After a one-line edit of the last file: restored the checkpoint before it, applied the rest. */
  reverifyMs: number;
  reverifyRestoreMs: number;
  reverifyApplyMs: number;
  filesReapplied: number;
}

const REPS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export type Runner = (cmd: string, argv: string[], opts: { rss?: boolean; timeoutMs?: number; env?: NodeJS.ProcessEnv }) => Promise<{ wallMs: number; rssKb?: number; stdout: string }>;

interface CkTimings {
  startMs: number;
  applyMs: number;
  checkpoint?: { restoredAfter: string | null; filesSkipped: number; restoreMs: number; written: number; writtenBytes: number; writeMs: number; diskBytes: number };
}

/** Full run, first run with checkpoints, re-verify after editing the last file; a private cache folder. */
async function checkpointRow(cli: string, dir: string, run: Runner): Promise<CheckpointRow> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'sm-bench-ckpt-'));
  try {
    const env = { ...process.env, SUPABASE_MIGRATIONS_CACHE_DIR: path.join(tmp, 'cache') };
    const copy = path.join(tmp, 'migrations');
    cpSync(dir, copy, { recursive: true });
    const last = readdirSync(copy)
      .filter((n) => /^[0-9]+_.*\.sql$/.test(n))
      .sort()
      .pop()!;
    const verify = async (...extra: string[]) => {
      const r = await run(process.execPath, [cli, 'verify', copy, '--format', 'json', '--no-advisors', '--no-progress', ...extra], { timeoutMs: 600_000, env });
      return { wallMs: r.wallMs, t: (JSON.parse(r.stdout) as { timings: CkTimings }).timings };
    };
    await verify('--no-checkpoints'); // the snapshot
    const full: number[] = [];
    const first: { wallMs: number; t: CkTimings }[] = [];
    const again: { wallMs: number; t: CkTimings }[] = [];
    for (let i = 0; i < REPS; i++) {
      full.push((await verify('--no-checkpoints')).wallMs);
      rmSync(path.join(tmp, 'cache/checkpoints'), { recursive: true, force: true });
      first.push(await verify());
      appendFileSync(path.join(copy, last), `\n-- edited ${i}\n`);
      again.push(await verify());
    }
    const n = readdirSync(copy).filter((f) => /^[0-9]+_.*\.sql$/.test(f)).length;
    return {
      fullMs: Math.round(median(full)),
      firstMs: Math.round(median(first.map((x) => x.wallMs))),
      writeMs: median(first.map((x) => x.t.checkpoint?.writeMs ?? 0)),
      written: median(first.map((x) => x.t.checkpoint?.written ?? 0)),
      diskMb: Math.round(median(first.map((x) => x.t.checkpoint?.diskBytes ?? 0)) / 1e5) / 10,
      reverifyMs: Math.round(median(again.map((x) => x.wallMs))),
      reverifyRestoreMs: median(again.map((x) => x.t.checkpoint?.restoreMs ?? 0)),
      reverifyApplyMs: median(again.map((x) => x.t.applyMs)),
      filesReapplied: median(again.map((x) => n - (x.t.checkpoint?.filesSkipped ?? 0))),
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export async function verifySection(cli: string, folders: { name: string; dir: string }[], run: Runner): Promise<VerifyRow[]> {
  const rows: VerifyRow[] = [];
  const pgBin = findPostgresBinDir();
  const pg = pgBin ? await startPostgres() : undefined;
  try {
    let db = 0;
    for (const f of folders) {
      // warm the snapshot cache once, then measure a cold process that restores it
      await run(process.execPath, [cli, 'verify', f.dir, '--format', 'json', '--no-advisors', '--no-checkpoints'], { timeoutMs: 600_000 });
      const r = await run(process.execPath, [cli, 'verify', f.dir, '--format', 'json', '--no-advisors', '--no-checkpoints'], { rss: true, timeoutMs: 600_000 });
      let j: { migrations: { status: string }[]; findings?: { code: string }[]; timings?: { startMs: number; applyMs: number; peakRssMb: number } } = { migrations: [] };
      try {
        j = JSON.parse(r.stdout);
      } catch {
        // reported as zero below
      }
      const row: VerifyRow = {
        workspace: f.name,
        files: j.migrations.length,
        verifyWallMs: Math.round(r.wallMs),
        verifyStartMs: j.timings?.startMs,
        verifyApplyMs: j.timings?.applyMs,
        verifyRssMb: j.timings?.peakRssMb ?? (r.rssKb ? Math.round(r.rssKb / 1024) : undefined),
        verifyOk: j.migrations.filter((m) => m.status === 'ok').length,
        verifyFailed: j.migrations.filter((m) => m.status !== 'ok').length,
        notPredicted: (j.findings ?? []).filter((x) => x.code === 'not-predicted').length,
        checkpoints: await checkpointRow(cli, f.dir, run),
      };
      const o = await run(process.execPath, [cli, 'verify', f.dir, '--format', 'json', '--no-advisors', '--no-checkpoints'], { rss: true, timeoutMs: 600_000, env: { ...process.env, [WASM_TIER_ENV]: 'optimizing' } });
      try {
        const t = (JSON.parse(o.stdout) as { timings?: { startMs: number; applyMs: number; peakRssMb: number } }).timings;
        row.optimizing = { wallMs: Math.round(o.wallMs), startMs: t?.startMs, applyMs: t?.applyMs, rssMb: t?.peakRssMb };
      } catch {
        // left out of the table
      }
      if (pg) {
        const files = readdirSync(f.dir)
          .filter((n) => /^[0-9]+_.*\.sql$/.test(n))
          .sort()
          .map((name) => ({ name, text: readFileSync(path.join(f.dir, name), 'utf8') }));
        const t = performance.now();
        const res = await applyMigrations(pg, `bench_${db++}`, files, { shimSql: platformShimSql() });
        row.pg15ApplyMs = Math.round(performance.now() - t);
        row.pg15Ok = res.filter((x) => x.status === 'ok').length;
        row.pg15Failed = res.length - row.pg15Ok;
      }
      rows.push(row);
    }
  } finally {
    await pg?.stop();
  }
  return rows;
}

export function renderVerify(rows: VerifyRow[], table: (head: string[], rows: (string | number)[][]) => string): string {
  const md = ['## 6. Verify (embedded Postgres) vs a real PostgreSQL 15', ''];
  md.push(
    'verify: a cold `supabase-migrations verify --format json --no-advisors --no-checkpoints` process with the cached snapshot (start = restore + extensions, apply = the migrations; peak RSS of the worker). Its worker runs PGlite baseline-compiled for folders up to 1 MiB of SQL (all of these); "optimizing" is the same run with V8\'s default tier-up forced (`SUPABASE_MIGRATIONS_WASM_TIER=optimizing`), right after it. PostgreSQL 15: a server started once, time of creating a database, the same Supabase shim and applying the files (without extension stand-ins, so folders that need pgvector or pg_net stop early there). "not predicted": verify\'s `not-predicted` findings, apply errors in migrations where `check` reported no error (what the static engine missed; the same gap over the whole corpus is the real-world report\'s "root failures the engine misses").',
    '',
  );
  md.push(
    table(
      ['workspace', 'files', 'verify wall ms', 'start ms', 'apply ms', 'peak RSS MB', 'optimizing: wall / apply ms, RSS MB', 'verify ok / failed', 'not predicted', 'PG15 apply ms', 'PG15 ok / failed'],
      rows.map((r) => [
        r.workspace,
        r.files,
        r.verifyWallMs,
        r.verifyStartMs ?? '–',
        r.verifyApplyMs ?? '–',
        r.verifyRssMb ?? '–',
        r.optimizing ? `${r.optimizing.wallMs} / ${r.optimizing.applyMs ?? '–'}, ${r.optimizing.rssMb ?? '–'}` : '–',
        `${r.verifyOk} / ${r.verifyFailed}`,
        r.notPredicted,
        r.pg15ApplyMs ?? '–',
        r.pg15Ok === undefined ? '–' : `${r.pg15Ok} / ${r.pg15Failed}`,
      ]),
    ),
    '',
  );
  const ck = rows.filter((r) => r.checkpoints);
  if (ck.length) {
    md.push(
      `Checkpoints (median of ${REPS}, cold \`verify --no-advisors\` processes, a private cache folder): full = \`--no-checkpoints\`; first run = checkpoints on, none there yet (applies everything and writes them; write = the time that run spent on them, disk = their size); re-verify = after a one-line edit of the last migration (restores the checkpoint before it: restore = reading it + starting PGlite on it, apply = the files re-applied).`,
      '',
      table(
        ['workspace', 'files', 'full ms', 'first run ms', 'checkpoints written', 'write ms', 'disk MB', 're-verify ms', 'restore ms', 'apply ms', 'files re-applied'],
        ck.map((r) => {
          const c = r.checkpoints!;
          return [r.workspace, r.files, c.fullMs, c.firstMs, c.written, c.writeMs, c.diskMb, c.reverifyMs, c.reverifyRestoreMs, c.reverifyApplyMs, c.filesReapplied];
        }),
      ),
      '',
    );
  }
  return md.join('\n');
}
