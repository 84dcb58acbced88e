/**
 * Which files of a migrations folder the Supabase CLI applies, and in which order — exactly as its
 * sources do (see README "Supabase CLI facts"): `^([0-9]+)_(.*)\.sql$`, directories ignored, order is
 * lexical by file name. Also what it skips and why, versions used twice, and folders whose lexical and
 * numeric orders differ.
 */
import type { DirectoryEntry } from './types';

export const MIGRATION_PATTERN = /^([0-9]+)_(.*)\.sql$/;

/**
 * Files a host reads: migrations, and files named like SQL that the CLI skips (the engine reads what they
 * would have created, to say so when a migration uses it).
 */
export function isSqlFileName(name: string): boolean {
  return MIGRATION_PATTERN.test(name) || /\.sql$/i.test(name);
}

/**
 * A valid migration name for a file the CLI skips because of its name, keeping its version and label
 * (`20250101-init.sql` → `20250101_init.sql`, `20240101000000_x.SQL` → `20240101000000_x.sql`); undefined
 * when the name has no version to keep or the skip is not about the name's form.
 */
export function validMigrationName(name: string): string | undefined {
  const m = /^(\d+)(?:[-. _]+(.*?))?\.sql$/i.exec(name);
  if (!m) return undefined;
  const label = (m[2] ?? '').replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '') || 'migration';
  const fixed = `${m[1]}_${label}.sql`;
  return fixed === name ? undefined : fixed;
}

export interface MigrationFileInfo {
  /** File name, e.g. `20260105000000_multi_tenant_user_model.sql`. */
  name: string;
  version: string;
  /** The part after the underscore, without `.sql`. */
  label: string;
}

export interface SkippedFile {
  name: string;
  reason: string;
  isDirectory: boolean;
}

export interface DiscoveryResult {
  /** Applied migrations in the CLI's order. */
  migrations: MigrationFileInfo[];
  skipped: SkippedFile[];
  duplicateVersions: { version: string; names: string[] }[];
  /** Migrations whose position differs between lexical (CLI) and numeric (newer code path) order. */
  orderMismatches: { name: string; lexicalIndex: number; numericIndex: number }[];
}

export function parseMigrationName(name: string): MigrationFileInfo | undefined {
  const m = MIGRATION_PATTERN.exec(name);
  return m ? { name, version: m[1], label: m[2] } : undefined;
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function skipReason(name: string): string | undefined {
  if (/^\d+_.*\.sql$/i.test(name)) return `the extension must be lower-case ".sql"`;
  if (/^\d+\.sql$/i.test(name)) return `there is no "_name" after the version`;
  if (/^\d+[-. ]/.test(name) && /\.sql$/i.test(name)) return `the version must be followed by an underscore`;
  if (/\.sql$/i.test(name)) return `the name must start with digits (the version) and an underscore`;
  if (/^\d+_/.test(name)) return `the file must end in ".sql"`;
  return undefined;
}

export function discoverMigrations(entries: DirectoryEntry[]): DiscoveryResult {
  const skipped: SkippedFile[] = [];
  const found: MigrationFileInfo[] = [];
  const sorted = [...entries].sort((a, b) => byteOrder(a.name, b.name));
  for (const e of sorted) {
    if (e.isDirectory) {
      if (/\.sql$/i.test(e.name) || MIGRATION_PATTERN.test(e.name)) skipped.push({ name: e.name, reason: 'it is a directory; the Supabase CLI ignores directories', isDirectory: true });
      continue;
    }
    const info = parseMigrationName(e.name);
    if (!info) {
      if (e.name.startsWith('.')) continue;
      const reason = skipReason(e.name);
      if (reason) skipped.push({ name: e.name, reason, isDirectory: false });
      continue;
    }
    found.push(info);
  }
  // The CLI skips a first "<version>_init.sql" older than 20211209000000 (the old `supabase init` file).
  if (found.length && found[0].label === 'init' && found[0].version < '20211209000000') {
    const f = found.shift()!;
    skipped.push({ name: f.name, reason: 'the Supabase CLI skips a first migration named <version>_init.sql with a version before 20211209000000', isDirectory: false });
  }
  const byVersion = new Map<string, string[]>();
  for (const f of found) byVersion.set(f.version, [...(byVersion.get(f.version) ?? []), f.name]);
  const duplicateVersions = [...byVersion].filter(([, names]) => names.length > 1).map(([version, names]) => ({ version, names }));

  const numeric = [...found].sort((a, b) => {
    const d = BigInt(a.version) - BigInt(b.version);
    return d < 0n ? -1 : d > 0n ? 1 : byteOrder(a.name, b.name);
  });
  const numericIndex = new Map(numeric.map((f, i) => [f.name, i]));
  const orderMismatches = found
    .map((f, i) => ({ name: f.name, lexicalIndex: i, numericIndex: numericIndex.get(f.name)! }))
    .filter((x) => x.lexicalIndex !== x.numericIndex);
  return { migrations: found, skipped, duplicateVersions, orderMismatches };
}

/** `YYYYMMDDHHMMSS` for a date, in UTC (what `supabase migration new` uses). */
export function formatTimestamp(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

/** A 14-digit version as a UTC date, when it is a real date-time. */
export function parseTimestamp(version: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(version);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (y < 1000 || date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || date.getUTCHours() !== h || date.getUTCMinutes() !== mi || date.getUTCSeconds() !== s) return undefined;
  return date;
}

/** A file name for a new migration at `now`, never colliding with an existing version. */
export function newMigrationName(label: string, now: Date, existing: string[]): string {
  const taken = new Set(existing.map((n) => parseMigrationName(n)?.version).filter(Boolean));
  const t = new Date(Math.floor(now.getTime() / 1000) * 1000);
  let v = formatTimestamp(t);
  while (taken.has(v)) {
    t.setUTCSeconds(t.getUTCSeconds() + 1);
    v = formatTimestamp(t);
  }
  const safe = label.trim().replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '') || 'migration';
  return `${v}_${safe}.sql`;
}
