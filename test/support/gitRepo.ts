/**
 * Real git repositories in temp folders, for the team-workflow tests. Independent of the machine's git
 * configuration: the global and system config files are not read (GIT_CONFIG_GLOBAL points at an empty
 * file, GIT_CONFIG_NOSYSTEM), the default branch is given at `init`, and each repository sets its own
 * user.name/email — CI runners have no git identity.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, unlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'sbm-gitcfg-'));
const EMPTY_CONFIG = path.join(scratch, 'gitconfig');
writeFileSync(EMPTY_CONFIG, '');

/** The variables that make git ignore the machine's configuration (set for the code under test too: `isolateGit`). */
export const GIT_ISOLATION: Record<string, string> = { GIT_CONFIG_GLOBAL: EMPTY_CONFIG, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' };

/** Mocha hooks: the code under test (host/git.ts runs git with process.env) sees the isolated configuration too. */
export function isolateGit(): void {
  const saved = new Map<string, string | undefined>();
  before(() => {
    for (const [k, v] of Object.entries(GIT_ISOLATION)) {
      saved.set(k, process.env[k]);
      process.env[k] = v;
    }
  });
  after(() => {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
}

export const MIGRATIONS = 'supabase/migrations';

/** A work tree with a `supabase/migrations` folder. */
export class TestRepo {
  constructor(readonly dir: string) {}

  get folder(): string {
    return path.join(this.dir, MIGRATIONS);
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, encoding: 'utf8', env: { ...process.env, ...GIT_ISOLATION }, stdio: ['ignore', 'pipe', 'pipe'] });
  }

  /** Write migrations (name → SQL) into the folder. */
  write(files: Record<string, string>): this {
    mkdirSync(this.folder, { recursive: true });
    for (const [name, sql] of Object.entries(files)) writeFileSync(path.join(this.folder, name), sql);
    return this;
  }

  remove(...names: string[]): this {
    for (const n of names) unlinkSync(path.join(this.folder, n));
    return this;
  }

  /** Stage everything and commit. */
  commit(message: string): this {
    this.git('add', '-A');
    this.git('commit', '-q', '--no-gpg-sign', '-m', message);
    return this;
  }

  head(): string {
    return this.git('rev-parse', 'HEAD').trim();
  }
}

/** A new repository in a temp folder (default branch `main`, its own identity). */
export function initRepo(parent: string, name = 'origin'): TestRepo {
  const dir = path.join(parent, name);
  mkdirSync(dir, { recursive: true });
  const repo = new TestRepo(dir);
  repo.git('-c', 'init.defaultBranch=main', 'init', '-q');
  configure(repo);
  return repo;
}

/** `git clone` of `from` (a `file://` URL, so that `--depth` applies), configured like `initRepo`. */
export function cloneRepo(from: TestRepo, parent: string, name: string, extra: string[] = []): TestRepo {
  execFileSync('git', ['clone', '-q', ...extra, `file://${from.dir}`, name], { cwd: parent, env: { ...process.env, ...GIT_ISOLATION }, stdio: ['ignore', 'pipe', 'pipe'] });
  const repo = new TestRepo(path.join(parent, name));
  configure(repo);
  return repo;
}

function configure(repo: TestRepo): void {
  repo.git('config', 'user.name', 'Test');
  repo.git('config', 'user.email', 'test@example.com');
  repo.git('config', 'commit.gpgsign', 'false');
}

export function tempDir(prefix = 'sbm-git-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
