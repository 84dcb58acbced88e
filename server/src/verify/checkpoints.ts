/**
 * Verify checkpoints: the embedded cluster's data directory after the first p files of a folder, on disk
 * in the snapshot's cache folder, together with what the worker reported for those p files. Re-verifying
 * after an edit in migration k restores the longest unchanged prefix (at most k files) and applies the
 * rest only; the results are those of a full run (the stored per-file results are reused as they were).
 *
 * Key of the checkpoint after p files: a hash chain, key(0) = hash(identity) where the identity names the
 * snapshot (PGlite and pgvector versions, the shim, the stand-ins, the contrib list), the worker code and
 * the session settings; key(p) = hash(key(p-1), name of file p-1, text of file p-1). A file is
 * `ckpt-<key>.bin`:
 *
 *   "SMCKPT1\n" | uint32 BE header length | header JSON (CheckpointHeader) | brotli of an ustar archive
 *
 * The header's SHA-256 of the stored archive makes a damaged file fail to read; the worker then tries the next shorter prefix, then the
 * empty snapshot (a checkpoint is an optimisation, it never fails a run). Written to a temporary file and
 * renamed; the folder is pruned to a size cap, least recently used first.
 * No PGlite here: the worker hands in the data directory's files.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';
import type { WorkerFileResult } from './protocol';

const MAGIC = Buffer.from('SMCKPT1\n', 'latin1');
/** Bump when the file format or the meaning of the stored results changes. */
export const CHECKPOINT_FORMAT = 1;
/** Default cap of all checkpoint files in the cache folder (MB); $SUPABASE_MIGRATIONS_CHECKPOINT_MB overrides. */
export const DEFAULT_CHECKPOINT_MB = 512;
/**
 * A spread checkpoint is only written when the files since the previous one took at least this long to
 * apply: writing one costs the run 0.2–0.7 s (bench/RESULTS.md), and only an edit before the last file
 * ever uses it. $SUPABASE_MIGRATIONS_CHECKPOINT_MIN_GAIN_MS overrides.
 */
export function minSpreadGainMs(): number {
  const ms = Number(process.env.SUPABASE_MIGRATIONS_CHECKPOINT_MIN_GAIN_MS);
  return Number.isFinite(ms) && ms >= 0 && process.env.SUPABASE_MIGRATIONS_CHECKPOINT_MIN_GAIN_MS !== '' ? ms : 1000;
}
/**
 * How checkpoints are stored. Measured on a 57 MB data directory: brotli quality 1 155 ms → 6.5 MB,
 * unpacked in ~220 ms; gzip level 1 330 ms → 7.4 MB; as is 57 MB (restores ~0.2 s faster, 9x the disk).
 * $SUPABASE_MIGRATIONS_CHECKPOINT_COMPRESSION=none stores them as is.
 */
export const CHECKPOINT_COMPRESSION: 'br' | 'none' = process.env.SUPABASE_MIGRATIONS_CHECKPOINT_COMPRESSION === 'none' ? 'none' : 'br';

export interface CheckpointHeader {
  format: number;
  key: string;
  /** Number of files applied (the prefix length). */
  files: string[];
  /** The worker's results for those files, as a full run reported them (with oidMark). */
  results: WorkerFileResult[];
  /** Highest catalog OID of the shimmed empty cluster (the advisors' platform boundary). */
  baseOid: number;
  /** Bytes of the uncompressed archive. */
  tarBytes: number;
  /** How the archive is stored (brotli quality 1, or as is). */
  compression: 'br' | 'none';
  /** SHA-256 of the stored (compressed) archive. */
  sha256: string;
}

export interface CheckpointConfig {
  dir: string;
  /** Everything besides the files that decides what applying them gives (see the module comment). */
  identity: string;
  maxBytes: number;
}

/** keys[p] = key of the state after files 0..p-1 (keys[0]: the empty snapshot). */
export function prefixKeys(identity: string, files: { name: string; text: string; statements?: { start: number; end: number }[] }[]): string[] {
  const keys = [createHash('sha256').update(`supabase-migrations verify checkpoint ${CHECKPOINT_FORMAT}\0${identity}`).digest('hex')];
  for (const f of files) {
    const prev = keys[keys.length - 1];
    // The statement ranges too: the stored results place errors by statement, and the ranges come from the
    // analysis (another release may split the same text differently).
    const ranges = (f.statements ?? []).map((s) => `${s.start}-${s.end}`).join(',');
    keys.push(createHash('sha256').update(prev).update('\0').update(f.name).update('\0').update(f.text).update('\0').update(ranges).digest('hex'));
  }
  return keys;
}

export const checkpointFile = (dir: string, key: string) => path.join(dir, `ckpt-${key.slice(0, 40)}.bin`);

/**
 * Prefix lengths to checkpoint for a folder of n files: always n-1 (before the last file, the one usually
 * being edited), and the multiples of a power-of-two stride near n/4 (stable while files are added at the
 * end, so earlier checkpoints keep matching). n itself is not: editing the last file would write a new
 * one on every save, and restoring one more file later costs less than writing it.
 */
export function checkpointPlan(n: number): number[] {
  if (n < 2) return [];
  const stride = Math.max(1, 2 ** Math.floor(Math.log2(Math.max(1, n / 4))));
  const out = new Set<number>();
  for (let p = stride; p < n - 1; p += stride) out.add(p);
  out.add(n - 1);
  return [...out].sort((a, b) => a - b);
}

// --- the archive ------------------------------------------------------------------------------------

export interface DataDirEntry {
  /** Relative to the data directory, `/`-separated. */
  name: string;
  /** null: a directory. */
  data: Uint8Array | null;
  mtime?: number;
}

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width - 1, '0') + '\0';
}

/** One ustar header (what PGlite's loadDataDir reads: name, size, mtime, type, checksum, magic). */
function tarHeader(into: Buffer, at: number, name: string, size: number, dir: boolean, mtime: number): void {
  // PGlite's reader takes the name field only (no ustar prefix); the data directory's paths are short.
  if (Buffer.byteLength(name) > 99) throw new Error(`path too long for the archive: ${name}`);
  const h = into.subarray(at, at + 512);
  h.fill(0);
  h.write(name, 0, 100, 'utf8');
  h.write(octal(dir ? 0o700 : 0o600, 8), 100, 'latin1');
  h.write(octal(0, 8), 108, 'latin1');
  h.write(octal(0, 8), 116, 'latin1');
  h.write(octal(size, 12), 124, 'latin1');
  h.write(octal(Math.max(0, Math.floor(mtime / 1000)), 12), 136, 'latin1');
  h.write('        ', 148, 'latin1');
  h.write(dir ? '5' : '0', 156, 'latin1');
  h.write('ustar\u000000', 257, 'latin1');
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += h[i];
  h.write(octal(sum, 7) + ' ', 148, 'latin1');
}

/** An ustar archive of the entries, in one buffer. */
export function tarArchive(entries: DataDirEntry[]): Buffer {
  let bytes = 1024;
  for (const e of entries) bytes += 512 + (e.data ? Math.ceil(e.data.length / 512) * 512 : 0);
  const out = Buffer.alloc(bytes);
  const now = Date.now();
  let at = 0;
  for (const e of entries) {
    tarHeader(out, at, e.name, e.data ? e.data.length : 0, !e.data, e.mtime ?? now);
    at += 512;
    if (e.data) {
      out.set(e.data, at);
      at += Math.ceil(e.data.length / 512) * 512;
    }
  }
  return out;
}

// --- files ------------------------------------------------------------------------------------------

const brotli = promisify(zlib.brotliCompress);

/** Writes a checkpoint atomically (tmp + rename); resolves with the file's size. */
export async function writeCheckpoint(dir: string, header: Omit<CheckpointHeader, 'sha256'>, tar: Buffer): Promise<number> {
  // Compression and hash in the thread pool: the worker's main thread goes on applying migrations meanwhile.
  const payload = header.compression === 'br' ? await brotli(tar, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: tar.length } }) : tar;
  const full: CheckpointHeader = { ...header, sha256: Buffer.from(await crypto.subtle.digest('SHA-256', payload)).toString('hex') };
  const json = Buffer.from(JSON.stringify(full), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(json.length);
  fs.mkdirSync(dir, { recursive: true });
  const file = checkpointFile(dir, header.key);
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await fs.promises.writeFile(tmp, Buffer.concat([MAGIC, len, json, payload]));
    await fs.promises.rename(tmp, file);
  } catch (e) {
    await fs.promises.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
  return MAGIC.length + 4 + json.length + payload.length;
}

/** Reads the header only (cheap: to decide whether a checkpoint fits before paying for its data). */
export function readCheckpointHeader(file: string): CheckpointHeader {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(MAGIC.length + 4);
    if (fs.readSync(fd, head, 0, head.length, 0) !== head.length || !head.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('not a checkpoint');
    const len = head.readUInt32BE(MAGIC.length);
    if (len > 64 * 1024 * 1024) throw new Error('checkpoint header too long');
    const json = Buffer.alloc(len);
    if (fs.readSync(fd, json, 0, len, head.length) !== len) throw new Error('truncated checkpoint header');
    const h = JSON.parse(json.toString('utf8')) as CheckpointHeader;
    if (h.format !== CHECKPOINT_FORMAT || !Array.isArray(h.results) || !Array.isArray(h.files) || h.results.length !== h.files.length) throw new Error('unknown checkpoint format');
    return h;
  } finally {
    fs.closeSync(fd);
  }
}

/** The archive (uncompressed); throws when the file is damaged (hash, length). */
export function readCheckpointData(file: string): Buffer {
  const buf = fs.readFileSync(file);
  const len = buf.readUInt32BE(MAGIC.length);
  const h = JSON.parse(buf.subarray(MAGIC.length + 4, MAGIC.length + 4 + len).toString('utf8')) as CheckpointHeader;
  const payload = buf.subarray(MAGIC.length + 4 + len);
  if (createHash('sha256').update(payload).digest('hex') !== h.sha256) throw new Error('checkpoint archive is damaged');
  const tar = h.compression === 'br' ? zlib.brotliDecompressSync(payload) : payload;
  if (tar.length !== h.tarBytes) throw new Error('checkpoint archive has the wrong size');
  return tar;
}

/** Marks a checkpoint as used (pruning keeps the most recently used). */
export function touch(file: string): void {
  try {
    const now = new Date();
    fs.utimesSync(file, now, now);
  } catch {
    /* gone: nothing to keep */
  }
}

/**
 * Keeps the checkpoint files of `dir` under maxBytes, most recently used first (those in `keep` always),
 * and removes temporary files left by interrupted writes. Returns the bytes kept.
 */
export function pruneCheckpoints(dir: string, maxBytes: number, keep: Set<string> = new Set()): number {
  let entries: { file: string; size: number; mtime: number }[] = [];
  try {
    for (const name of fs.readdirSync(dir)) {
      if (!name.startsWith('ckpt-')) continue;
      const file = path.join(dir, name);
      let st: fs.Stats;
      try {
        st = fs.statSync(file);
      } catch {
        continue;
      }
      if (name.endsWith('.tmp')) {
        if (Date.now() - st.mtimeMs > 10 * 60_000) removeQuietly(file);
        continue;
      }
      if (name.endsWith('.bin')) entries.push({ file, size: st.size, mtime: st.mtimeMs });
    }
  } catch {
    return 0;
  }
  entries = entries.sort((a, b) => Number(keep.has(b.file)) - Number(keep.has(a.file)) || b.mtime - a.mtime);
  let total = 0;
  for (const e of entries) {
    if (total + e.size <= maxBytes || keep.has(e.file)) total += e.size;
    else removeQuietly(e.file);
  }
  return total;
}

/** Delete a cache file; one we may not delete (another user's, a locked one) stays, and costs only disk space. */
export function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // left in place
  }
}

/** The cap in bytes: $SUPABASE_MIGRATIONS_CHECKPOINT_MB (unset or empty: DEFAULT_CHECKPOINT_MB). */
export function checkpointCap(): number {
  const raw = process.env.SUPABASE_MIGRATIONS_CHECKPOINT_MB?.trim();
  const mb = raw ? Number(raw) : NaN;
  return (Number.isFinite(mb) && mb >= 0 ? mb : DEFAULT_CHECKPOINT_MB) * 1024 * 1024;
}
