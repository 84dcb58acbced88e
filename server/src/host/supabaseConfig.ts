/**
 * The Supabase CLI's project config, `supabase/config.toml` (beside the migrations folder): only
 * `[db] major_version`, the project's PostgreSQL major version, which decides the grammar migrations are
 * parsed with. Read without a TOML library: this one key, leniently; anything else in the file is ignored,
 * and a file that cannot be read or a value that is not a plausible major version counts as not saying.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { grammarFor } from '../engine/postgresVersion';

/** Major versions taken from a config (the Supabase CLI accepts 13, 14, 15 and 17; later ones will come). */
const PLAUSIBLE = { min: 13, max: 99 };

export interface TomlMajorVersion {
  /** The version, when the file states a plausible one. */
  version?: number;
  /** Why a `major_version` that is there was not used (for a note in the output). */
  invalid?: string;
}

/**
 * `[db] major_version` of a config.toml's text: under a `[db]` table header, or as the dotted key
 * `db.major_version` at the top level, or in an inline table `db = { major_version = 15 }`. Comments, blank
 * lines, other tables (`[db.pooler]`, `[api]`) and multi-line strings are skipped.
 */
export function majorVersionFromToml(text: string): TomlMajorVersion {
  let table = '';
  let multiline: string | undefined;
  let found: TomlMajorVersion = {};
  for (const raw of text.split(/\r?\n/)) {
    if (multiline) {
      if (raw.includes(multiline)) multiline = undefined;
      continue;
    }
    const line = stripComment(raw).trim();
    if (line === '') continue;
    const header = /^\[\s*([^\]]*?)\s*\]$/.exec(line);
    if (header && !line.startsWith('[[')) {
      table = unquoteKey(header[1]);
      continue;
    }
    if (line.startsWith('[[')) {
      table = '[[array]]';
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    const key = unquoteKey(line.slice(0, eq).trim());
    const value = line.slice(eq + 1).trim();
    const opens = /^('''|""")/.exec(value);
    if (opens && !value.slice(3).includes(opens[1])) {
      multiline = opens[1];
      continue;
    }
    const full = table ? `${table}.${key}` : key;
    if (full === 'db.major_version') found = versionOf(value);
    else if (full === 'db' && value.startsWith('{')) {
      const m = /(?:^|[{,])\s*major_version\s*=\s*([^,}]*)/.exec(value);
      if (m) found = versionOf(m[1].trim());
    }
  }
  return found;
}

/** A line without its `#` comment (a `#` inside a basic or literal string is kept). */
function stripComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#') return line.slice(0, i);
  }
  return line;
}

/** `db . "major_version"` → `db.major_version` (quoted and bare key parts, spaces around dots). */
function unquoteKey(key: string): string {
  return key
    .split('.')
    .map((p) => p.trim().replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1'))
    .join('.');
}

function versionOf(value: string): TomlMajorVersion {
  if (!/^\+?[0-9](_?[0-9])*$/.test(value)) return { invalid: `major_version = ${value} is not a whole number` };
  const v = Number(value.replace(/[+_]/g, ''));
  if (v < PLAUSIBLE.min || v > PLAUSIBLE.max) return { invalid: `major_version = ${value} is not a PostgreSQL major version the Supabase CLI runs` };
  return { version: v };
}

/** Where a migrations folder's config.toml is: beside it (`supabase/migrations` → `supabase/config.toml`). */
export function supabaseConfigPath(migrationsFolder: string): string {
  return path.join(path.dirname(migrationsFolder), 'config.toml');
}

/** `[db] major_version` of the config.toml beside a migrations folder; `{}` when the file is missing or unreadable. */
export async function readSupabaseMajorVersion(migrationsFolder: string): Promise<TomlMajorVersion & { file: string }> {
  const file = supabaseConfigPath(migrationsFolder);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    return { file };
  }
  return { ...majorVersionFromToml(text), file };
}

/** Which PostgreSQL major version an analysis assumes, and what said so (for the output). */
export interface PostgresVersionChoice {
  version: number;
  /** What decided: `--pg-version`, an editor setting, our config file (its path), supabase/config.toml (its path), or `default`. */
  source: string;
  /** A config.toml `major_version` that was there but not used, and why. */
  ignored?: { file: string; reason: string };
}

/**
 * The version of a migrations folder's project: an explicit one (the command line's `--pg-version`, then
 * our config file's `postgresVersion`, each with its source), else config.toml's `[db] major_version`, else
 * `defaultVersion` (the Supabase CLI's default for new projects, engine/parser.ts).
 */
export async function choosePostgresVersion(
  migrationsFolder: string,
  explicit: { version: number; source: string } | undefined,
  defaultVersion: number,
): Promise<PostgresVersionChoice> {
  if (explicit) return explicit;
  const toml = await readSupabaseMajorVersion(migrationsFolder);
  if (toml.version !== undefined) return { version: toml.version, source: toml.file };
  return { version: defaultVersion, source: 'default', ...(toml.invalid ? { ignored: { file: toml.file, reason: toml.invalid } } : {}) };
}

/** `PostgreSQL 15 (supabase/config.toml)`: the version assumed, what said so, and the grammar when it differs. */
export function describePostgres(p: PostgresVersionChoice, displayPath: (p: string) => string = (f) => f): string {
  const source = p.source === 'default' ? "Supabase's default" : isFileSource(p.source) ? displayPath(p.source) : p.source;
  const grammar = grammarFor(p.version);
  const ignored = p.ignored ? `; ${displayPath(p.ignored.file)} ignored: ${p.ignored.reason}` : '';
  return `PostgreSQL ${p.version} (${source}${grammar !== p.version ? `; parsed with the PostgreSQL ${grammar} grammar` : ''}${ignored})`;
}

/** Whether a `PostgresVersionChoice.source` is a file's path (else `default`, `--pg-version` or a setting). */
export function isFileSource(source: string): boolean {
  return source !== 'default' && !source.startsWith('--') && !source.startsWith('the ');
}
