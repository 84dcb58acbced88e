/**
 * Reading the base (host/git.ts `readBaseline`, what `check --base auto` and the editor do before analysing)
 * on a repository with a long history: 5,000 commits (one `git fast-import`), 1,000 migrations on main, and a
 * branch that adds 3 migrations and edits one of main's. Timed: resolve the base, list the folder there,
 * hash the working files, read the blobs that differ (one `cat-file --batch`), git's renames. Its cost
 * should not grow with the history (goal: well under a second).
 *
 * `npm run bench -- --only=git` runs only this section; `npx tsx bench/git.ts` runs it standalone.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readBaseline } from '../server/src/host/git';

export interface GitRow {
  commits: number;
  migrations: number;
  /** Building the repository (fast-import + checkout), not part of what is measured. */
  buildMs: number;
  /** readBaseline: the first call (cold OS caches of the new repository), then the median of the rest. */
  firstMs: number;
  medianMs: number;
  runs: number;
  /** What it found: base migrations, of which read (content differs from the working tree). */
  baseMigrations: number;
  read: number;
}

const ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: os.devNull, GIT_TERMINAL_PROMPT: '0' };

function version(i: number): string {
  // one migration a day from 2021-01-01, 14 digits
  const d = new Date(Date.UTC(2021, 0, 1) + i * 86_400_000);
  return d.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

function sql(i: number): string {
  return `create table public.t${i} (\n  id bigint primary key,\n  owner uuid not null references auth.users (id),\n  note text\n);\nalter table public.t${i} enable row level security;\n`;
}

/** A repository of `commits` commits on main, every (commits / migrations)-th adding a migration, plus a branch. */
export function buildRepository(dir: string, commits: number, migrations: number): void {
  execFileSync('git', ['-c', 'init.defaultBranch=main', 'init', '-q', dir], { env: ENV });
  const every = Math.max(1, Math.floor(commits / migrations));
  const parts: string[] = [];
  let added = 0;
  for (let c = 1; c <= commits; c++) {
    const when = 1_600_000_000 + c * 60;
    const msg = `commit ${c}`;
    parts.push(`commit refs/heads/main\ncommitter Bench <bench@example.com> ${when} +0000\ndata ${Buffer.byteLength(msg)}\n${msg}\n`);
    if (c % every === 0 && added < migrations) {
      const body = sql(added);
      parts.push(`M 100644 inline supabase/migrations/${version(added)}_t${added}.sql\ndata ${Buffer.byteLength(body)}\n${body}\n`);
      added++;
    } else {
      const body = `change ${c}\n`;
      parts.push(`M 100644 inline README.md\ndata ${Buffer.byteLength(body)}\n${body}\n`);
    }
  }
  const r = spawnSync('git', ['fast-import', '--quiet'], { cwd: dir, input: parts.join(''), env: ENV, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`git fast-import failed: ${r.stderr}`);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  git('checkout', '-q', '-f', 'main');
  git('checkout', '-q', '-b', 'feature');
  const folder = path.join(dir, 'supabase', 'migrations');
  mkdirSync(folder, { recursive: true });
  for (let k = 0; k < 3; k++) writeFileSync(path.join(folder, `${version(added + 10 + k)}_branch${k}.sql`), sql(added + k));
  writeFileSync(path.join(folder, `${version(5)}_t5.sql`), sql(5) + 'create index on public.t5 (owner);\n');
}

export async function gitSection(options: { commits?: number; migrations?: number; runs?: number } = {}): Promise<GitRow> {
  const commits = options.commits ?? 5000;
  const migrations = options.migrations ?? 1000;
  const runs = options.runs ?? 7;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'supabase-migrations-bench-git-'));
  const saved = { GIT_CONFIG_NOSYSTEM: process.env.GIT_CONFIG_NOSYSTEM, GIT_CONFIG_GLOBAL: process.env.GIT_CONFIG_GLOBAL };
  process.env.GIT_CONFIG_NOSYSTEM = '1';
  process.env.GIT_CONFIG_GLOBAL = os.devNull;
  try {
    const dir = path.join(tmp, 'repo');
    const t0 = performance.now();
    buildRepository(dir, commits, migrations);
    const buildMs = performance.now() - t0;
    const folder = path.join(dir, 'supabase', 'migrations');
    const working = (name: string) => {
      try {
        return readFileSync(path.join(folder, name));
      } catch {
        return undefined;
      }
    };
    const times: number[] = [];
    let found = { baseMigrations: 0, read: 0 };
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      const { baseline } = await readBaseline(folder, 'auto', working);
      times.push(performance.now() - s);
      found = { baseMigrations: baseline.migrations.length, read: baseline.migrations.filter((m) => m.text !== undefined).length };
    }
    const rest = times.slice(1).sort((a, b) => a - b);
    return { commits, migrations, buildMs: Math.round(buildMs), firstMs: Math.round(times[0]), medianMs: Math.round(rest[Math.floor(rest.length / 2)] ?? times[0]), runs, ...found };
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    rmSync(tmp, { recursive: true, force: true });
  }
}

export function renderGit(row: GitRow): string {
  return [
    '## Reading the base (check --base auto)',
    '',
    `host/git.ts \`readBaseline\` on a generated repository: ${row.commits.toLocaleString('en')} commits, ${row.migrations.toLocaleString('en')} migrations on main, a branch adding 3 and editing 1 (built in ${row.buildMs} ms, not counted).`,
    '',
    '| commits | base migrations | read (differ from the work tree) | first call ms | median ms (of the next ' + (row.runs - 1) + ') |',
    '|---|---|---|---|---|',
    `| ${row.commits} | ${row.baseMigrations} | ${row.read} | ${row.firstMs} | ${row.medianMs} |`,
    '',
  ].join('\n');
}

if (require.main === module) {
  gitSection()
    .then((row) => process.stdout.write(renderGit(row) + '\n'))
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
