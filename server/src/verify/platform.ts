/**
 * The Supabase platform for the embedded Postgres: the reviewed shim (engine/catalog/supabase-platform.sql)
 * and the extension stand-ins (engine/catalog/standins/*.sql), adapted for PGlite at load time only.
 * Every difference from how test/support/postgres.ts applies them to a real PostgreSQL 15 is listed here:
 *
 *  1. Stand-ins become real (SQL-only) extensions: a control file + install script per stand-in is written
 *     into PGlite's virtual file system, so `create extension pg_net` etc. succeed and dependent
 *     migrations are still checked. On PostgreSQL 15 they are only pasted as plain SQL.
 *  2. The preinstalled stand-ins (`-- @preinstalled-standins:` header: pg_graphql, supabase_vault) are
 *     installed with `create extension` instead of being pasted, so a migration's
 *     `create extension if not exists pg_graphql` is the no-op it is on a Supabase project.
 *  3. A stand-in's own `create schema if not exists <fixed schema>` is guarded with a DO block: since
 *     the CVE-2022-2625 fix (PostgreSQL 15, and minor releases of older branches) an extension script may not "create if not exists" an object that exists outside
 *     the extension (the shim already creates `graphql` and `vault`), which would make it fail.
 *  4. Control files name no `schema`, so `create extension pg_cron with schema pg_catalog` (what the
 *     dashboard writes) and `... with schema extensions` both work; the fixed-schema stand-ins put their
 *     objects in their own schema either way.
 *  5. `vector` is the real pgvector (@electric-sql/pglite-pgvector), not the stand-in.
 *  6. Contrib extensions the shim and common migrations use (pgcrypto, uuid-ossp, pg_stat_statements,
 *     pg_trgm, ...) must be handed to PGlite when the instance is constructed; they are listed in CONTRIB.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { WorkerStandin } from './protocol';

/** PGlite contrib modules loaded into every instance (import path suffix under @electric-sql/pglite/contrib/). */
export const CONTRIB = [
  'pgcrypto',
  'uuid_ossp',
  'pg_stat_statements',
  'pg_trgm',
  'citext',
  'hstore',
  'ltree',
  'btree_gist',
  'btree_gin',
  'fuzzystrmatch',
  'unaccent',
  'moddatetime',
  'tablefunc',
  'intarray',
  'cube',
  'earthdistance',
];

/** Stand-ins not installed because the embedded Postgres has the real extension. */
const REAL_EXTENSIONS = new Set(['vector']);

export interface StandinFile {
  name: string;
  sql: string;
  relocatable: boolean;
  schema: string | null;
  requires: string[];
}

export interface Platform {
  shimSql: string;
  standins: WorkerStandin[];
  /** Names of every stand-in extension (for diagnostics). */
  standinNames: Set<string>;
  /** Hash of everything that goes into the snapshot. */
  hash: string;
}

/** The catalog folder: beside the bundle (dist/catalog, copied by esbuild.mjs) or in the sources. */
export function catalogDir(): string {
  const candidates = [path.join(__dirname, 'catalog'), path.resolve(__dirname, '../engine/catalog'), path.resolve(__dirname, '../server/src/engine/catalog')];
  for (const c of candidates) if (fs.existsSync(path.join(c, 'supabase-platform.sql'))) return c;
  throw new Error(`supabase-platform.sql not found (looked in ${candidates.join(', ')})`);
}

function header(sql: string, key: string): string[] {
  const m = new RegExp(`^--\\s*@${key}:[ \\t]*(.*)$`, 'm').exec(sql);
  return m ? m[1].split(',').map((s) => s.trim()).filter(Boolean) : [];
}

export function readStandinFiles(dir = path.join(catalogDir(), 'standins')): StandinFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => {
      const sql = fs.readFileSync(path.join(dir, f), 'utf8');
      return {
        name: header(sql, 'extension')[0] ?? path.basename(f, '.sql'),
        sql,
        relocatable: header(sql, 'relocatable')[0] === 'true',
        schema: header(sql, 'schema')[0] ?? null,
        requires: header(sql, 'requires'),
      };
    });
}

const sqlLiteral = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Control file + script for one stand-in (differences 1, 3, 4). */
export function standinExtension(s: StandinFile): WorkerStandin {
  const control = [
    `comment = ${sqlLiteral(`supabase-migrations stand-in for ${s.name} (signatures only, no behaviour)`)}`,
    `default_version = '1.0'`,
    // Non-relocatable so that @extschema@ is substituted (a relocatable extension's script may not use it).
    `relocatable = false`,
    ...(s.requires.length ? [`requires = ${sqlLiteral(s.requires.join(', '))}`] : []),
  ].join('\n');
  let script = s.sql;
  if (s.schema) {
    const re = new RegExp(`create\\s+schema\\s+if\\s+not\\s+exists\\s+"?${s.schema.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"?\\s*;`, 'gi');
    script = script.replace(
      re,
      `do $standin$ begin if to_regnamespace(${sqlLiteral(s.schema)}) is null then create schema "${s.schema.replace(/"/g, '""')}"; end if; end $standin$;`,
    );
  }
  return { name: s.name, control: control + '\n', script };
}

export function loadPlatform(): Platform {
  const dir = catalogDir();
  const shim = fs.readFileSync(path.join(dir, 'supabase-platform.sql'), 'utf8');
  const files = readStandinFiles(path.join(dir, 'standins'));
  const byName = new Map(files.map((f) => [f.name, f]));
  const standins = files.filter((f) => !REAL_EXTENSIONS.has(f.name)).map(standinExtension);
  const parts = [shim];
  for (const name of header(shim, 'preinstalled-standins')) {
    const s = byName.get(name);
    if (!s) throw new Error(`supabase-platform.sql lists unknown stand-in ${name}`);
    // Difference 2: installed as an extension, in its fixed schema or in `extensions`.
    parts.push(`create extension if not exists "${name}" with schema "${s.schema ?? 'extensions'}"`);
  }
  const shimSql = parts.join('\n;\n');
  const h = createHash('sha256');
  h.update(shimSql);
  for (const s of standins) h.update(`\0${s.name}\0${s.control}\0${s.script}`);
  h.update(`\0${CONTRIB.join(',')}`);
  return { shimSql, standins, standinNames: new Set(standins.map((s) => s.name)), hash: h.digest('hex').slice(0, 16) };
}
