/**
 * The file-system side shared by the front ends (the CLI and the language server): find migrations folders
 * (a folder given on the command line, or every one under an editor's workspace folders) and read their files
 * safely (UTF-8 checked, oversized files replaced by a note).
 */
import { closeSync, constants as fsConstants, fstatSync, lstatSync, openSync, promises as fs, readFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { EngineConfig, FileContent, FolderInput } from '../engine/analyze';
import { isSqlFileName } from '../engine/discover';
import type { DirectoryEntry } from '../engine/types';

/** Bad input from the user (a folder or config file that cannot be used): the CLI exits with 2. */
export class UsageError extends Error {}

/**
 * Files larger than this are not read or analysed by default (the engine's memory grows with a file's
 * statements, ~50x its size for dense DDL); each gets an `unreadable-file` finding instead. The largest real
 * migration we have seen (a pg_dump of a production schema) is under 1 MiB. `--max-file-size` / the
 * config's `maxFileBytes` change it.
 */
export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface ResolvedFolder {
  /** The migrations folder. */
  folder: string;
  /** The project root (the folder that holds `supabase/`), where the config file lives. */
  root: string;
}

/** `dir` may be a project root, a `supabase` folder, or a migrations folder itself. */
export async function resolveMigrationsFolder(dir: string): Promise<ResolvedFolder> {
  const abs = path.resolve(dir);
  const stat = await fs.stat(abs).catch(() => undefined);
  if (!stat) throw new UsageError(`${dir}: no such directory`);
  if (!stat.isDirectory()) throw new UsageError(`${dir}: not a directory (give a project folder or a supabase/migrations folder)`);
  for (const candidate of [path.join(abs, 'supabase', 'migrations'), path.join(abs, 'migrations')]) {
    const s = await fs.stat(candidate).catch(() => undefined);
    if (s?.isDirectory()) return { folder: candidate, root: path.basename(candidate) === 'migrations' && path.basename(path.dirname(candidate)) === 'supabase' ? path.dirname(path.dirname(candidate)) : abs };
  }
  const root = path.basename(abs) === 'migrations' && path.basename(path.dirname(abs)) === 'supabase' ? path.dirname(path.dirname(abs)) : abs;
  const entries = await fs.readdir(abs);
  if (path.basename(abs) === 'migrations' || entries.some((e) => /\.sql$/i.test(e))) return { folder: abs, root };
  throw new UsageError(`${dir}: no supabase/migrations folder here (and no .sql files)`);
}

/** Folders a workspace scan never enters. */
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.next', '.vscode-test', 'build', 'coverage', '.turbo', '.cache']);

/**
 * Every folder under `root` (up to 8 levels down, skipping SKIP_DIRS) whose path relative to `root` matches
 * one of `globs` (see `globToRegExp`); a matching folder is not searched further. Unreadable folders are skipped.
 */
export async function findMigrationFolders(root: string, globs: RegExp[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string, depth: number) => {
    const rel = path.relative(root, dir).split(path.sep).join('/');
    if (rel && globs.some((g) => g.test(rel))) {
      out.push(dir);
      return;
    }
    if (depth > 8) return;
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) if (e.isDirectory() && !SKIP_DIRS.has(e.name)) await walk(path.join(dir, e.name), depth + 1);
  };
  await walk(root, 0);
  return out;
}

/** `/x/app/supabase/migrations` → `/x/app` */
export function projectRoot(folder: string): string {
  const parent = path.dirname(folder);
  return path.basename(parent) === 'supabase' ? path.dirname(parent) : parent;
}

/** `**` any depth, `*` within one segment, `?` one character. Matched against a relative path. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  const g = glob.replace(/^\.\//, '').replace(/\/$/, '');
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (c === '*' && g[i + 1] === '*') {
      i++;
      if (g[i + 1] === '/') {
        i++;
        re += '(?:.*/)?';
      } else re += '.*';
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

/** Decode bytes as UTF-8; on invalid input, decode leniently and say where the first bad byte is. */
export function decodeUtf8(bytes: Uint8Array): FileContent {
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3; // BOM
  const body = bytes.subarray(start);
  try {
    return { text: strictUtf8.decode(body) };
  } catch {
    return { text: lenientUtf8.decode(body), invalidUtf8At: firstInvalidUtf8(body) };
  }
}

function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const n = c < 0x80 ? 1 : c >= 0xc2 && c < 0xe0 ? 2 : c >= 0xe0 && c < 0xf0 ? 3 : c >= 0xf0 && c < 0xf5 ? 4 : 0;
    if (n === 0) return i;
    for (let k = 1; k < n; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    i += n;
  }
  return 0;
}

/** A folder's entries; symbolic links count as what they point to. */
export async function listEntries(folder: string): Promise<DirectoryEntry[]> {
  const dirents = await fs.readdir(folder, { withFileTypes: true });
  const entries: DirectoryEntry[] = [];
  for (const d of dirents) {
    let isDirectory = d.isDirectory();
    if (d.isSymbolicLink()) isDirectory = (await fs.stat(path.join(folder, d.name)).catch(() => undefined))?.isDirectory() ?? false;
    entries.push({ name: d.name, isDirectory });
  }
  return entries;
}

/**
 * A migration file as the engine takes it: UTF-8 checked. Never throws and never blocks: what is not a
 * regular file (a FIFO, a socket, a device), cannot be opened (a symbolic link loop, no permission) or is
 * larger than `maxBytes` comes back as `unread` with the reason, for a finding on that file; a file that
 * does not exist (any more) is undefined.
 */
export async function readMigrationFile(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<FileContent | undefined> {
  let handle: fs.FileHandle | undefined;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused just below)
    handle = await fs.open(file, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
    const st = await handle.stat();
    return notReadable(st, maxBytes) ?? decodeUtf8(await handle.readFile());
  } catch (e) {
    return unreadBecause(e);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** The same, synchronously (a streamed check reads one file when the engine gets to it). */
export function readMigrationFileSync(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES): FileContent | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
    const st = fstatSync(fd);
    return notReadable(st, maxBytes) ?? decodeUtf8(readFileSync(fd));
  } catch (e) {
    return unreadBecause(e);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function notReadable(st: Stats, maxBytes: number): FileContent | undefined {
  if (st.isDirectory()) return { text: '', unread: { reason: 'it is a directory', tooLarge: false } };
  if (!st.isFile()) {
    const what = st.isFIFO() ? 'a named pipe (FIFO)' : st.isSocket() ? 'a socket' : 'a device';
    return { text: '', unread: { reason: `it is ${what}, not a regular file`, tooLarge: false } };
  }
  return st.size > maxBytes ? tooLarge(st.size, maxBytes) : undefined;
}

function tooLarge(size: number, maxBytes: number): FileContent {
  return { text: '', unread: { reason: `it is ${mib(size)}, over the ${mib(maxBytes)} limit for analysis (--max-file-size, or "maxFileBytes" in the config)`, tooLarge: true } };
}

/**
 * Unsaved editor text as the engine takes it: over the limit for analysis (in UTF-8 bytes, as the file would
 * be saved) it is not analysed either, with the same finding as that file on disk.
 */
export function editorContent(text: string, maxBytes = DEFAULT_MAX_FILE_BYTES): FileContent {
  // a UTF-16 code unit is at most 3 bytes of UTF-8: most texts need no count
  if (text.length * 3 <= maxBytes) return { text };
  const size = Buffer.byteLength(text, 'utf8');
  return size > maxBytes ? tooLarge(size, maxBytes) : { text };
}

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MiB`;

/** Whether the path the error names is a symbolic link (lstat does not follow it). */
function isLink(e: unknown): boolean {
  const p = (e as NodeJS.ErrnoException)?.path;
  try {
    return !!p && lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

const ERRNO_REASON: Record<string, string> = {
  ELOOP: 'it is a symbolic link that loops',
  ENOENT: 'it is a symbolic link to nothing',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ENXIO: 'it is a special file with nothing behind it',
  EIO: 'the disk reported an I/O error',
};

function unreadBecause(e: unknown): FileContent | undefined {
  const code = (e as NodeJS.ErrnoException)?.code ?? '';
  // gone since it was listed (a dangling link is still listed: the folder shows it, so it gets its finding)
  if (code === 'ENOENT' && !isLink(e)) return undefined;
  return { text: '', unread: { reason: ERRNO_REASON[code] ?? `it cannot be read (${code || (e as Error)?.message || e})`, tooLarge: false } };
}

/**
 * A folder for a streamed check (engine/analyze.ts `checkFolder`): a migration file is read when the engine
 * asks for it, so that one file's text is in memory at a time, not the folder's. `sqlBytes`: their size on
 * disk, together (the parser's compile tier depends on it).
 */
export async function openFolder(folder: string, config?: EngineConfig): Promise<FolderInput & { sqlBytes: number }> {
  const entries = await listEntries(folder);
  const names = new Set(entries.filter((e) => !e.isDirectory && isSqlFileName(e.name)).map((e) => e.name));
  let sqlBytes = 0;
  for (const name of names) sqlBytes += (await fs.stat(path.join(folder, name)).catch(() => undefined))?.size ?? 0;
  return { folder, entries, config, sqlBytes, files: { get: (name) => (names.has(name) ? readMigrationFileSync(path.join(folder, name), config?.maxFileBytes) : undefined) } };
}

const READ_CONCURRENCY = 8;

export async function readFolder(folder: string, config?: EngineConfig): Promise<FolderInput & { files: Map<string, FileContent> }> {
  const entries = await listEntries(folder);
  const files = new Map<string, FileContent>();
  const names = entries.filter((e) => !e.isDirectory && isSqlFileName(e.name)).map((e) => e.name);
  // A few reads at a time: thousands at once hold every file's buffer and its decoded copy together (at
  // 5,000 files that alone raised peak memory by over 100 MB), and are no faster from a local disk.
  let next = 0;
  const reader = async () => {
    while (next < names.length) {
      const name = names[next++];
      const content = await readMigrationFile(path.join(folder, name), config?.maxFileBytes);
      if (content) files.set(name, content);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, names.length) }, reader));
  return { folder, entries, files, config };
}
