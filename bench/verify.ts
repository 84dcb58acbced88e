/**
 * Verify per corpus folder: `supabase-migrations verify` (PGlite, cold process, snapshot restored) against
 * the same folder applied to a real PostgreSQL 15 (started once; time of the apply loop only), with the
 * statuses side by side.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
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
  pg15ApplyMs?: number;
  pg15Ok?: number;
  pg15Failed?: number;
}

export type Runner = (cmd: string, argv: string[], opts: { rss?: boolean; timeoutMs?: number }) => Promise<{ wallMs: number; rssKb?: number; stdout: string }>;

export async function verifySection(cli: string, folders: { name: string; dir: string }[], run: Runner): Promise<VerifyRow[]> {
  const rows: VerifyRow[] = [];
  const pgBin = findPostgresBinDir();
  const pg = pgBin ? await startPostgres() : undefined;
  try {
    let db = 0;
    for (const f of folders) {
      // warm the snapshot cache once, then measure a cold process that restores it
      await run(process.execPath, [cli, 'verify', f.dir, '--format', 'json', '--no-advisors'], { timeoutMs: 600_000 });
      const r = await run(process.execPath, [cli, 'verify', f.dir, '--format', 'json', '--no-advisors'], { rss: true, timeoutMs: 600_000 });
      let j: { migrations: { status: string }[]; timings?: { startMs: number; applyMs: number; peakRssMb: number } } = { migrations: [] };
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
      };
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
    'verify: a cold `supabase-migrations verify --format json --no-advisors` process with the cached snapshot (start = restore + extensions, apply = the migrations; peak RSS of the worker). PostgreSQL 15: a server started once, time of creating a database, the same Supabase shim and applying the files (without extension stand-ins, so folders that need pgvector or pg_net stop early there).',
    '',
  );
  md.push(
    table(
      ['workspace', 'files', 'verify wall ms', 'start ms', 'apply ms', 'peak RSS MB', 'verify ok / failed', 'PG15 apply ms', 'PG15 ok / failed'],
      rows.map((r) => [r.workspace, r.files, r.verifyWallMs, r.verifyStartMs ?? '–', r.verifyApplyMs ?? '–', r.verifyRssMb ?? '–', `${r.verifyOk} / ${r.verifyFailed}`, r.pg15ApplyMs ?? '–', r.pg15Ok === undefined ? '–' : `${r.pg15Ok} / ${r.pg15Failed}`]),
    ),
    '',
  );
  return md.join('\n');
}
