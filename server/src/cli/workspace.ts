/** File-system side of the CLI (and the language server): find migration folders, read them safely. */
import { promises as fs, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { EngineConfig, FileContent, FolderInput } from '../engine/analyze';
import { MIGRATION_PATTERN } from '../engine/discover';
import type { DirectoryEntry } from '../engine/types';

export class UsageError extends Error {}

const CONFIG_NAMES = ['.supabase-migrations.json', 'supabase-migrations.json'];
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

/**
 * The config file's "verify" section: verify's limits (server/src/verify/guards.ts), in seconds and MB,
 * 0 for none. Not part of the engine's config (the analysis does not depend on it).
 */
export interface VerifyConfig {
  statementTimeout?: number;
  memoryLimit?: number;
}

export async function loadConfig(root: string, explicit?: string): Promise<{ config: EngineConfig; path?: string; verify?: VerifyConfig }> {
  const candidates = explicit ? [path.resolve(explicit)] : CONFIG_NAMES.map((n) => path.join(root, n));
  for (const p of candidates) {
    let text: string;
    try {
      text = await fs.readFile(p, 'utf8');
    } catch {
      if (explicit) throw new UsageError(`${explicit}: cannot read config file`);
      continue;
    }
    return { ...parseConfigFile(text, p), path: p };
  }
  return { config: {} };
}

export function parseConfig(text: string, source: string): EngineConfig {
  return parseConfigFile(text, source).config;
}

/** The engine's config and verify's section of a config file. */
export function parseConfigFile(text: string, source: string): { config: EngineConfig; verify?: VerifyConfig } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${source}: invalid JSON (${(e as Error).message})`);
  }
  if (!raw || typeof raw !== 'object') throw new UsageError(`${source}: expected a JSON object`);
  const r = raw as Record<string, unknown>;
  const config: EngineConfig = {};
  if (r.rules !== undefined) {
    if (typeof r.rules !== 'object' || r.rules === null) throw new UsageError(`${source}: "rules" must be an object`);
    config.rules = {};
    for (const [k, v] of Object.entries(r.rules)) {
      if (!['off', 'error', 'warning', 'info', 'hint'].includes(String(v))) throw new UsageError(`${source}: rule ${k}: expected off|error|warning|info|hint`);
      (config.rules as Record<string, string>)[k] = String(v);
    }
  }
  if (r.foreignKeyPatterns !== undefined) {
    if (!Array.isArray(r.foreignKeyPatterns)) throw new UsageError(`${source}: "foreignKeyPatterns" must be an array of regexes`);
    for (const p of r.foreignKeyPatterns) {
      try {
        new RegExp(String(p));
      } catch {
        throw new UsageError(`${source}: invalid regex in foreignKeyPatterns: ${p}`);
      }
    }
    config.foreignKeyPatterns = r.foreignKeyPatterns.map(String);
  }
  if (r.searchPath !== undefined) {
    if (!Array.isArray(r.searchPath)) throw new UsageError(`${source}: "searchPath" must be an array of schema names`);
    config.searchPath = r.searchPath.map(String);
  }
  if (r.verify === undefined) return { config };
  if (typeof r.verify !== 'object' || r.verify === null || Array.isArray(r.verify)) throw new UsageError(`${source}: "verify" must be an object`);
  const verify: VerifyConfig = {};
  for (const [k, v] of Object.entries(r.verify)) {
    if (k !== 'statementTimeout' && k !== 'memoryLimit') throw new UsageError(`${source}: unknown key verify.${k} (statementTimeout, memoryLimit)`);
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new UsageError(`${source}: verify.${k} must be a number >= 0 (${k === 'statementTimeout' ? 'seconds' : 'MB'}; 0: no limit)`);
    verify[k] = v;
  }
  return { config, verify };
}
