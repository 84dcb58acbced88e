/**
 * The file-system side shared by the front ends (the CLI and the language server): find migrations folders
 * (a folder given on the command line, or every one under an editor's workspace folders) and read their files
 * safely (UTF-8 checked, oversized files replaced by a note).
 */
import { promises as fs, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { EngineConfig, FileContent, FolderInput } from '../engine/analyze';
import { MIGRATION_PATTERN } from '../engine/discover';
import type { DirectoryEntry } from '../engine/types';

/** Bad input from the user (a folder or config file that cannot be used): the CLI exits with 2. */
export class UsageError extends Error {}

/** Files larger than this are not read (a migration this large is almost certainly not one). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

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

/** A migration file as the engine takes it: UTF-8 checked, an oversized file replaced by a note. Throws on I/O errors. */
export async function readMigrationFile(file: string): Promise<FileContent> {
  const st = await fs.stat(file);
  return st.size > MAX_FILE_BYTES ? tooLarge(st.size) : decodeUtf8(await fs.readFile(file));
}

/** The same, synchronously (a streamed check reads one file when the engine gets to it). */
export function readMigrationFileSync(file: string): FileContent {
  const size = statSync(file).size;
  return size > MAX_FILE_BYTES ? tooLarge(size) : decodeUtf8(readFileSync(file));
}

function tooLarge(size: number): FileContent {
  return { text: `-- file too large to analyse (${size} bytes)\n` };
}

/**
 * A folder for a streamed check (engine/analyze.ts `checkFolder`): a migration file is read when the engine
 * asks for it, so that one file's text is in memory at a time, not the folder's. `sqlBytes`: their size on
 * disk, together (the parser's compile tier depends on it).
 */
export async function openFolder(folder: string, config?: EngineConfig): Promise<FolderInput & { sqlBytes: number }> {
  const entries = await listEntries(folder);
  const names = new Set(entries.filter((e) => !e.isDirectory && MIGRATION_PATTERN.test(e.name)).map((e) => e.name));
  let sqlBytes = 0;
  for (const name of names) sqlBytes += (await fs.stat(path.join(folder, name)).catch(() => undefined))?.size ?? 0;
  return { folder, entries, config, sqlBytes, files: { get: (name) => (names.has(name) ? readMigrationFileSync(path.join(folder, name)) : undefined) } };
}

const READ_CONCURRENCY = 8;

export async function readFolder(folder: string, config?: EngineConfig): Promise<FolderInput & { files: Map<string, FileContent> }> {
  const entries = await listEntries(folder);
  const files = new Map<string, FileContent>();
  const names = entries.filter((e) => !e.isDirectory && MIGRATION_PATTERN.test(e.name)).map((e) => e.name);
  // A few reads at a time: thousands at once hold every file's buffer and its decoded copy together (at
  // 5,000 files that alone raised peak memory by over 100 MB), and are no faster from a local disk.
  let next = 0;
  const reader = async () => {
    while (next < names.length) {
      const name = names[next++];
      files.set(name, await readMigrationFile(path.join(folder, name)));
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, names.length) }, reader));
  return { folder, entries, files, config };
}
