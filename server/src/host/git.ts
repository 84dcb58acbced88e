/**
 * The git side of the team-workflow rules: which commit a branch is compared with (its base) and what the
 * migrations folder holds there. Runs the `git` command line (what users have) with an argument array via
 * `execFile`/`spawn`, never through a shell. Every failure the user can cause is a `GitError` with a `kind`
 * and a one-line message; the engine never sees git (it gets a `Baseline`, engine/baseline.ts).
 *
 * Costs do not grow with history: resolving a base is a few `rev-parse`/`merge-base` calls, the folder at the
 * base one `ls-tree`, its contents one `cat-file --batch` process for every blob that differs from the
 * working tree's file of the same name, renames one `diff --name-status`. bench/git.ts measures it on a
 * repository of 5,000 commits and 1,000 migrations.
 */
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Baseline, BaselineMigration } from '../engine/baseline';
import { parseMigrationName } from '../engine/discover';

/** What went wrong, for callers that react differently (the language server logs one line and carries on). */
export type GitErrorKind =
  /** No `git` executable on the PATH. */
  | 'git-missing'
  /** The folder is not inside a git work tree. */
  | 'not-a-repository'
  /** The ref does not name a commit here. */
  | 'unknown-ref'
  /** The ref or the merge-base is not in this shallow clone (history was cut by `--depth`). */
  | 'shallow'
  /** `auto`: none of the default-branch candidates exists. */
  | 'no-default-branch'
  /** Any other failure of a git command (its stderr's first line is in the message). */
  | 'failed';

export class GitError extends Error {
  constructor(
    readonly kind: GitErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'GitError';
  }
}

/**
 * `--base auto` takes the first of these that exists: the remote's default branch as `git clone` records it
 * (`refs/remotes/origin/HEAD`, e.g. → origin/main), then origin/main, origin/master, then the local main and
 * master.
 */
export const DEFAULT_BRANCH_CANDIDATES = ['refs/remotes/origin/HEAD', 'refs/remotes/origin/main', 'refs/remotes/origin/master', 'refs/heads/main', 'refs/heads/master'] as const;

interface RunResult {
  stdout: Buffer;
  stderr: string;
  code: number;
}

/** One git command in `cwd`, arguments as given (no shell); resolves with its exit code, rejects only when git cannot start. */
function git(cwd: string, args: string[], options: { maxBuffer?: number } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      { cwd, encoding: 'buffer', maxBuffer: options.maxBuffer ?? 256 * 1024 * 1024, windowsHide: true, env: gitEnv() },
      (err, stdout, stderr) => {
        const e = err as (NodeJS.ErrnoException & { code?: string | number }) | null;
        if (e && e.code === 'ENOENT') return reject(new GitError('git-missing', 'git is not installed (no `git` on the PATH)'));
        if (e && typeof e.code !== 'number' && e.code !== undefined) return reject(new GitError('failed', `git ${args[0]}: ${e.message}`));
        resolve({ stdout: stdout as Buffer, stderr: (stderr as Buffer).toString('utf8'), code: e ? Number(e.code ?? 1) : 0 });
      },
    );
  });
}

/** git's environment: no pager, no prompts, messages in English (they are matched), the user's config kept. */
function gitEnv(): NodeJS.ProcessEnv {
  return { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C', LANG: 'C', GIT_OPTIONAL_LOCKS: '0' };
}

function firstLine(s: string): string {
  return s.split('\n').find((l) => l.trim())?.trim().replace(/^(fatal|error): /, '') ?? '';
}

/** A command that must succeed: its stdout, or a GitError naming it. */
async function gitOk(cwd: string, args: string[]): Promise<Buffer> {
  const r = await git(cwd, args);
  if (r.code !== 0) throw new GitError('failed', `git ${args[0]} failed: ${firstLine(r.stderr) || `exit code ${r.code}`}`);
  return r.stdout;
}

/** The top folder of the work tree that holds `folder` (a real path). */
export async function repositoryRoot(folder: string): Promise<string> {
  return (await repositoryOf(folder)).root;
}

/** The work tree's top folder and its object format (sha1, or sha256 for repositories made so), in one call. */
async function repositoryOf(folder: string): Promise<{ root: string; format: 'sha1' | 'sha256' }> {
  let r: RunResult;
  try {
    r = await git(folder, ['rev-parse', '--show-toplevel', '--show-object-format']);
  } catch (e) {
    if (e instanceof GitError) throw e;
    throw new GitError('not-a-repository', `${folder}: not inside a git repository`);
  }
  if (r.code !== 0) {
    if (/not a git repository/i.test(r.stderr)) throw new GitError('not-a-repository', `${folder} is not inside a git repository`);
    throw new GitError('failed', `git rev-parse failed: ${firstLine(r.stderr)}`);
  }
  const [top, format] = r.stdout.toString('utf8').split('\n').map((l) => l.trim());
  if (!top || top === 'sha1' || top === 'sha256') throw new GitError('not-a-repository', `${folder} is not inside a git work tree (a bare repository?)`);
  return { root: path.resolve(top), format: format === 'sha256' ? 'sha256' : 'sha1' };
}

/** Whether the repository is a shallow clone (history cut by `--depth`). */
export async function isShallow(root: string): Promise<boolean> {
  const r = await git(root, ['rev-parse', '--is-shallow-repository']);
  return r.code === 0 && r.stdout.toString('utf8').trim() === 'true';
}

/** The commit a ref names, or undefined. Refs starting with `-` are refused (they would read as options). */
async function commitOf(root: string, ref: string): Promise<string | undefined> {
  if (!ref || ref.startsWith('-') || /[\u0000-\u001f]/.test(ref)) return undefined;
  const r = await git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  const sha = r.stdout.toString('utf8').trim();
  return r.code === 0 && /^[0-9a-f]{40,64}$/.test(sha) ? sha : undefined;
}

/** The commit a branch is compared with. */
export interface ResolvedBase {
  /** The base as the user or `auto` named it: `origin/main`, `v1.2`, `HEAD~3`. */
  ref: string;
  /** Its full commit id. */
  commit: string;
  /** For messages: `origin/main@abc1234` (the merge-base's short id for `auto`). */
  label: string;
  /** `explicit`: the ref as given; `default-branch`: `auto` chose it (DEFAULT_BRANCH_CANDIDATES). */
  how: 'explicit' | 'default-branch';
}

/**
 * Resolve `--base`: `auto` is the default branch (DEFAULT_BRANCH_CANDIDATES, the first that exists); anything
 * else is a ref or commit. Either way the base is that branch's TIP: what the merge will hold and production
 * gets, so a migration of this branch older than one the base got after the branch forked is out of order.
 * What the branch itself changed (edited, removed, renamed) is measured from the merge-base of HEAD and the
 * base (`readBaseline`), so the base's own later changes are not blamed on the branch.
 */
export async function resolveBase(root: string, spec: string): Promise<ResolvedBase> {
  if (spec === 'auto') return autoBase(root);
  const commit = await commitOf(root, spec);
  if (!commit) {
    if (await isShallow(root))
      throw new GitError('shallow', `${spec} is not in this clone: it is shallow (cloned with --depth); fetch the base first (git fetch origin ${spec.replace(/^origin\//, '')}, or fetch-depth: 0 in actions/checkout)`);
    throw new GitError('unknown-ref', `${spec} is not a branch, tag or commit in this repository (git fetch it first?)`);
  }
  return { ref: spec, commit, label: `${spec}@${commit.slice(0, 7)}`, how: 'explicit' };
}

async function autoBase(root: string): Promise<ResolvedBase> {
  // every candidate that exists, with its commit and (origin/HEAD) the branch it points at: one process
  const out = await gitOk(root, ['for-each-ref', '--format=%(refname)%00%(objectname)%00%(symref:short)%00%(objecttype)', ...DEFAULT_BRANCH_CANDIDATES]);
  const found = new Map<string, { commit: string; symref: string }>();
  for (const line of out.toString('utf8').split('\n')) {
    const [name, commit, symref, type] = line.split('\u0000');
    if (name && commit && type === 'commit') found.set(name, { commit, symref: symref ?? '' });
  }
  let branch: { ref: string; commit: string } | undefined;
  for (const candidate of DEFAULT_BRANCH_CANDIDATES) {
    const hit = found.get(candidate);
    if (!hit) continue;
    const ref = candidate === 'refs/remotes/origin/HEAD' ? hit.symref || 'origin/HEAD' : candidate.replace(/^refs\/(remotes|heads)\//, '');
    branch = { ref, commit: hit.commit };
    break;
  }
  if (!branch) {
    if (await isShallow(root))
      throw new GitError('shallow', `--base auto: no default branch in this shallow clone (tried origin/HEAD, origin/main, origin/master, main, master); fetch it (git fetch origin main, or fetch-depth: 0 in actions/checkout) or name one with --base <ref>`);
    throw new GitError('no-default-branch', `--base auto: no default branch found (tried origin/HEAD, origin/main, origin/master, main, master); name one with --base <ref>`);
  }
  return { ref: branch.ref, commit: branch.commit, label: `${branch.ref}@${branch.commit.slice(0, 7)}`, how: 'default-branch' };
}

/** A file of the migrations folder at the base. */
export interface BaseFile {
  /** File name (no folder). */
  name: string;
  /** git object id of its content. */
  blob: string;
  /** A regular file (mode 100644/100755); symbolic links and submodules are listed but not read. */
  regular: boolean;
}

/** `folder` relative to the work tree's top, with `/` (what ls-tree and diff take); throws when it is outside. */
export async function repositoryPath(root: string, folder: string): Promise<string> {
  const real = await fs.realpath(folder).catch(() => path.resolve(folder));
  const rel = path.relative(await fs.realpath(root).catch(() => root), real);
  if (rel.startsWith('..') || path.isAbsolute(rel)) throw new GitError('not-a-repository', `${folder} is outside the repository at ${root}`);
  return rel.split(path.sep).join('/');
}

/** The files directly in `folderRel` at `commit` (empty when the folder did not exist there). */
export async function listBaseFolder(root: string, commit: string, folderRel: string): Promise<BaseFile[]> {
  const spec = folderRel ? `${folderRel}/` : '.';
  const out = await gitOk(root, ['ls-tree', '-z', '--full-tree', commit, '--', spec]);
  const files: BaseFile[] = [];
  for (const rec of out.toString('utf8').split('\u0000')) {
    if (!rec) continue;
    // "<mode> SP <type> SP <object> TAB <path>"
    const tab = rec.indexOf('\t');
    const [mode, type, blob] = rec.slice(0, tab).split(' ');
    const full = rec.slice(tab + 1);
    const name = full.slice(full.lastIndexOf('/') + 1);
    if (type !== 'blob') continue; // directories (the CLI ignores them) and submodules
    files.push({ name, blob, regular: mode === '100644' || mode === '100755' });
  }
  return files;
}

/**
 * The contents of several blobs, read by ONE `git cat-file --batch` process (ids in on stdin, contents out).
 * Ids git does not have are absent from the map.
 */
export function readBlobs(root: string, blobs: readonly string[]): Promise<Map<string, Buffer>> {
  const wanted = [...new Set(blobs)];
  if (!wanted.length) return Promise.resolve(new Map());
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd: root, env: gitEnv(), windowsHide: true, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', (e: NodeJS.ErrnoException) => reject(e.code === 'ENOENT' ? new GitError('git-missing', 'git is not installed (no `git` on the PATH)') : new GitError('failed', `git cat-file: ${e.message}`)));
    child.stdin.on('error', () => undefined); // a failing git closes stdin early: the exit code says why
    child.on('close', (code) => {
      if (code !== 0) return reject(new GitError('failed', `git cat-file failed: ${firstLine(stderr) || `exit code ${code}`}`));
      try {
        resolve(parseBatch(Buffer.concat(chunks)));
      } catch (e) {
        reject(e);
      }
    });
    child.stdin.end(wanted.join('\n') + '\n');
  });
}

/** `<id> <type> <size>\n<content>\n` per object, or `<id> missing\n`. */
function parseBatch(out: Buffer): Map<string, Buffer> {
  const map = new Map<string, Buffer>();
  let at = 0;
  while (at < out.length) {
    const nl = out.indexOf(0x0a, at);
    if (nl < 0) break;
    const header = out.subarray(at, nl).toString('utf8').split(' ');
    at = nl + 1;
    if (header[1] === 'missing' || header.length < 3) continue;
    const size = Number(header[2]);
    if (!Number.isFinite(size)) throw new GitError('failed', `git cat-file: unexpected output ${header.join(' ')}`);
    map.set(header[0], out.subarray(at, at + size));
    at += size + 1;
  }
  return map;
}

/** git's object id of a blob with these bytes (`git hash-object`): equal ids, equal contents. */
export function blobId(bytes: Uint8Array, objectFormat: 'sha1' | 'sha256' = 'sha1'): string {
  return createHash(objectFormat).update(`blob ${bytes.length}\u0000`).update(bytes).digest('hex');
}

/**
 * Renames git detects between `commit` and the work tree in `folderRel` (content identical or similar, git's
 * default 50 % similarity), as base name → current name. Tracked files only (staged or committed): a file that
 * is not yet `git add`ed is matched by the engine when its content is identical.
 */
export async function renamesSince(root: string, commit: string, folderRel: string): Promise<Map<string, string>> {
  const out = await gitOk(root, ['diff', '--no-ext-diff', '--no-textconv', '--name-status', '-z', '-M', commit, '--', folderRel || '.']);
  const parts = out.toString('utf8').split('\u0000');
  const renames = new Map<string, string>();
  for (let i = 0; i < parts.length; ) {
    const status = parts[i++];
    if (!status) continue;
    if (status.startsWith('R') || status.startsWith('C')) {
      const from = parts[i++];
      const to = parts[i++];
      const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);
      const dir = (p: string) => p.slice(0, Math.max(0, p.lastIndexOf('/')));
      if (status.startsWith('R') && dir(from) === dir(to)) renames.set(base(from), base(to));
    } else i++;
  }
  return renames;
}

/** The merge-base of HEAD and `commit`, or undefined (no common commit, a shallow clone, no HEAD). */
async function forkPoint(root: string, commit: string): Promise<string | undefined> {
  const r = await git(root, ['merge-base', 'HEAD', commit]);
  const sha = r.stdout.toString('utf8').trim();
  return r.code === 0 && sha ? sha : undefined;
}

/** What `readBaseline` found, for the caller to log or watch. */
export interface GitBaseline {
  baseline: Baseline;
  base: ResolvedBase;
  /** The work tree's top folder. */
  root: string;
  /** The migrations folder relative to it (`supabase/migrations`). */
  folderRel: string;
  /** The merge-base of HEAD and the base (where what the branch changed is counted from); undefined when git finds none (a shallow clone). */
  mergeBase?: string;
}

/**
 * Everything the engine needs about the base, for the migrations folder `folder` (absolute): resolve `spec`
 * (`auto` or a ref; its tip), list the folder there, and read the base content of every migration whose blob differs
 * from the working tree's file of the same name (`working(name)`: that file's bytes, or undefined when it is
 * not there; others are `unchanged` and not read), plus git's renames. A base that moved on since HEAD forked
 * from it: its migrations that were not at the merge-base are `notOnBranch` (not removed by this
 * branch), and a file the branch left as it was at the merge-base is `unchanged` (the base edited it).
 * The language server passes `() => undefined` so that every base text is read and unsaved edits compare
 * live. Throws GitError.
 */
export async function readBaseline(folder: string, spec: string, working: (name: string) => Uint8Array | undefined): Promise<GitBaseline> {
  // (independent git commands run side by side: each costs a process start)
  const { root, format } = await repositoryOf(folder);
  const [base, folderRel] = await Promise.all([resolveBase(root, spec), repositoryPath(root, folder)]);
  // The base may have moved on since this branch forked: what it added or changed since then is not this
  // branch's doing. The folder at the merge-base says what the branch started from.
  const [listed, fork] = await Promise.all([listBaseFolder(root, base.commit, folderRel), forkPoint(root, base.commit)]);
  const files = listed.filter((f) => parseMigrationName(f.name));
  const atFork = fork && fork !== base.commit ? new Map((await listBaseFolder(root, fork, folderRel)).map((f) => [f.name, f.blob])) : undefined;
  const migrations: BaselineMigration[] = [];
  const toRead: { m: BaselineMigration; blob: string }[] = [];
  for (const f of files) {
    const m: BaselineMigration = { name: f.name, version: parseMigrationName(f.name)!.version };
    migrations.push(m);
    const bytes = working(f.name);
    if (atFork && !atFork.has(f.name)) m.notOnBranch = true;
    if (!f.regular) continue; // content unknown: compared by name only
    const id = bytes && blobId(bytes, format);
    // unchanged: the same content as the base, or as at the fork (the base changed it, not this branch)
    if (id && (id === f.blob || atFork?.get(f.name) === id)) m.unchanged = true;
    else toRead.push({ m, blob: f.blob });
  }
  const [contents, renames] = toRead.length ? await Promise.all([readBlobs(root, toRead.map((r) => r.blob)), renamesSince(root, base.commit, folderRel)]) : [new Map<string, Buffer>(), undefined];
  for (const { m, blob } of toRead) {
    const c = contents.get(blob);
    if (c) m.text = c.toString('utf8');
  }
  if (renames) {
    for (const m of migrations) {
      const to = m.name && renames.get(m.name);
      if (to) m.renamedTo = to;
    }
  }
  return { baseline: { label: base.label, migrations }, base, root, folderRel, mergeBase: fork };
}

/**
 * The files whose change means HEAD or a base may have moved (for a watcher): the repository's HEAD, its
 * refs and packed-refs (of the common git dir, for worktrees too). Absolute paths.
 */
export async function gitStatePaths(root: string): Promise<string[]> {
  const out = (await gitOk(root, ['rev-parse', '--absolute-git-dir', '--git-common-dir'])).toString('utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  const gitDir = out[0];
  const common = path.resolve(root, out[1] ?? gitDir);
  return [path.join(gitDir, 'HEAD'), path.join(common, 'packed-refs'), path.join(common, 'refs')];
}
