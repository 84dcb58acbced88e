/**
 * What a real PostgreSQL's failures on a migrations folder are about, shared by the agreement test
 * (test/unit/postgres-agreement.test.ts) and the real-world precision harness (test/support/realworld.ts).
 *
 * A folder is applied file by file (test/support/postgres.ts: applyMigrations, with the Supabase platform
 * shim), optionally with extension stand-ins in place of extensions this PostgreSQL lacks, and each failed
 * file is classified from its SQLSTATE / message and the texts of the files:
 *   forward       the missing object is created by a LATER file (and by no earlier file that failed);
 *   platform-gap  an extension this machine does not have (pgvector, pg_cron, http, wrappers, ...);
 *   cascade       the missing object would have been created by an EARLIER file that failed, or by an
 *                 extension that failed to install (looked up in the extension stand-ins);
 *   absent        about a missing object that nothing creates (or that was dropped);
 *   other         not about a missing object (duplicate object, syntax error, ...).
 * Failures without a PG position are located by replaying the folder statement by statement
 * (locateFailures).
 */
import { parseSql } from '../../server/src/engine/parser';
import {
  applyMigrations,
  platformShimSql,
  preinstalledStandins,
  readStandins,
  standinSql,
  SUPABASE_SEARCH_PATH,
  type ApplyResult,
  type MigrationFile,
  type PgServer,
} from './postgres';

// ---------------------------------------------------------------------------------------------------
// names

export interface QName {
  schema?: string;
  name: string;
}

export function normIdent(s: string): string {
  s = s.trim();
  if (s.startsWith('"') && s.endsWith('"') && s.length >= 2) return s.slice(1, -1).replace(/""/g, '"');
  return s.toLowerCase();
}

/** "s.x", "x", "\"S\".\"X\"", "public.f()" or "public.f(integer)" → { schema, name }. */
export function parseQName(raw: string): QName {
  let s = raw.trim();
  const paren = s.indexOf('(');
  if (paren >= 0) s = s.slice(0, paren);
  s = s.replace(/\[\]$/, '').trim();
  const parts = s.match(/"(?:[^"]|"")+"|[^."]+/g) ?? [s];
  if (parts.length >= 2) return { schema: normIdent(parts[parts.length - 2]), name: normIdent(parts[parts.length - 1]) };
  return { name: normIdent(parts[0]) };
}

const SEARCH_PATH_SCHEMAS = new Set(['public', 'extensions', 'pg_catalog']);

/** Same object? Case-insensitive, qualified or not (an unqualified name is looked up in the search path). */
export function sameName(a: QName, b: QName): boolean {
  if (a.name.toLowerCase() !== b.name.toLowerCase()) return false;
  if (a.schema && b.schema) return a.schema.toLowerCase() === b.schema.toLowerCase();
  const q = a.schema ?? b.schema;
  return !q || SEARCH_PATH_SCHEMAS.has(q.toLowerCase());
}


// ---------------------------------------------------------------------------------------------------
// what a PG error is about

export type ObjKind = 'relation' | 'function' | 'type' | 'schema' | 'server' | 'column';

export interface Missing {
  kind: ObjKind;
  name: QName;
  /** For kind 'column': the relation. */
  relation?: QName;
}

export function missingObject(r: ApplyResult): Missing | null {
  const msg = r.message ?? '';
  let m: RegExpExecArray | null;
  if ((m = /^column "([^"]+)" of relation "([^"]+)" does not exist/.exec(msg))) return { kind: 'column', name: { name: m[1] }, relation: parseQName(m[2]) };
  if ((m = /^(?:relation|table|view|materialized view|sequence) "([^"]+)" does not exist/.exec(msg))) return { kind: 'relation', name: parseQName(m[1]) };
  if ((m = /^(?:function|procedure) (.+?)\(.*\) does not exist/.exec(msg))) return { kind: 'function', name: parseQName(m[1].replace(/"/g, '')) };
  if ((m = /^schema "([^"]+)" does not exist/.exec(msg))) return { kind: 'schema', name: { name: m[1] } };
  if ((m = /^type "?(.+?)"? does not exist/.exec(msg))) return { kind: 'type', name: parseQName(m[1].replace(/\(.*$/, '')) };
  if ((m = /^server "([^"]+)" does not exist/.exec(msg))) return { kind: 'server', name: { name: m[1] } };
  return null;
}

export function platformGapExtension(r: ApplyResult): string | null {
  const msg = r.message ?? '';
  if (!['0A000', '58P01', '42704'].includes(r.sqlstate ?? '')) return null;
  const m = /extension "([^"]+)" is not available/.exec(msg) ?? /could not open extension control file ".*\/([^/"]+)\.control"/.exec(msg);
  if (m) return m[1];
  if (/extension/.test(msg) && /not available|could not open extension control file/.test(msg)) return '?';
  return null;
}

// ---------------------------------------------------------------------------------------------------
// who creates what (a plain text search)

/** Comments blanked out (same length, so offsets are kept). Naive about comment markers inside strings. */
const blankCache = new Map<string, string>();
export function blankComments(text: string): string {
  const hit = blankCache.get(text);
  if (hit !== undefined) return hit;
  const out = blankCommentsUncached(text);
  if (text.length > 10_000) blankCache.set(text, out);
  return out;
}
function blankCommentsUncached(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\/|--[^\n]*/g, (c) => c.replace(/[^\n]/g, ' '));
}

export const IDENT = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*)`;
export const QNAME = String.raw`${IDENT}(?:\s*\.\s*${IDENT})?`;
const CREATE_RE = new RegExp(
  String.raw`\bcreate\s+(?:or\s+replace\s+)?(?:(?:temp|temporary|unlogged|recursive|trusted)\s+)*` +
    String.raw`(table|view|materialized\s+view|sequence|foreign\s+table|function|procedure|aggregate|type|domain|schema|server)` +
    String.raw`\s+(?:if\s+not\s+exists\s+)?(${QNAME})`,
  'gi',
);
const RENAME_RE = new RegExp(String.raw`\balter\s+table\s+(?:if\s+exists\s+)?(?:only\s+)?(${QNAME})\s+rename\s+to\s+(${IDENT})`, 'gi');

const KIND_OF: Record<string, ObjKind> = {
  table: 'relation',
  view: 'relation',
  'materialized view': 'relation',
  sequence: 'relation',
  'foreign table': 'relation',
  function: 'function',
  procedure: 'function',
  aggregate: 'function',
  type: 'type',
  domain: 'type',
  schema: 'schema',
  server: 'server',
};

export interface Created {
  kind: ObjKind;
  name: QName;
}

const createdCache = new Map<string, Created[]>();

export function createdBy(text: string): Created[] {
  const hit = createdCache.get(text);
  if (hit) return hit;
  const out: Created[] = [];
  const t = blankComments(text);
  for (const m of t.matchAll(CREATE_RE)) {
    const kind = KIND_OF[m[1].toLowerCase().replace(/\s+/g, ' ')];
    if (m[1].toLowerCase() === 'schema' && /^authorization$/i.test(m[2])) continue;
    out.push({ kind, name: parseQName(m[2]) });
  }
  for (const m of t.matchAll(RENAME_RE)) {
    const from = parseQName(m[1]);
    out.push({ kind: 'relation', name: { schema: from.schema, name: normIdent(m[2]) } });
  }
  createdCache.set(text, out);
  return out;
}

export function creates(text: string, miss: Missing, lastPartOnly = false): boolean {
  if (miss.kind === 'column') {
    // the column would have come with a table or an ALTER in that text
    const t = blankComments(text).toLowerCase();
    const word = (w: string) => new RegExp(String.raw`(^|[^\w$])"?${w.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"?([^\w$]|$)`).test(t);
    return word(miss.name.name) && !!miss.relation && word(miss.relation.name);
  }
  return createdBy(text).some((c) => c.kind === miss.kind && (lastPartOnly ? c.name.name.toLowerCase() === miss.name.name.toLowerCase() : sameName(c.name, miss.name)));
}

// ---------------------------------------------------------------------------------------------------
// positions

/** 0-based line of a UTF-16 offset (line breaks: \r\n, \r, \n, like the engine). */
export function lineOfIndex(text: string, idx: number): number {
  const before = text.slice(0, idx);
  return (before.match(/\r\n|\r|\n/g) ?? []).length;
}

/** PG's 1-based character (code point) position → UTF-16 index. */
export function indexOfPgPosition(text: string, pos: number): number {
  let cp = 0;
  let i = 0;
  while (i < text.length && cp < pos - 1) {
    const c = text.codePointAt(i)!;
    i += c > 0xffff ? 2 : 1;
    cp++;
  }
  return i;
}

/** UTF-16 index of the first mention of `q` (as an identifier, qualified or not) in text[from, to). */
export function findMention(text: string, from: number, to: number, q: QName): number {
  const t = blankComments(text.slice(from, to));
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const id = (s: string) => `"?${esc(s)}"?`;
  const tries = q.schema ? [String.raw`${id(q.schema)}\s*\.\s*${id(q.name)}`, id(q.name)] : [id(q.name)];
  for (const src of tries) {
    const m = new RegExp(String.raw`(^|[^\w$.])(${src})(?![\w$])`, 'i').exec(t);
    if (m) return from + m.index + m[1].length;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------------
// locating failures that PG reported without a position

export interface Located {
  /** UTF-16 range of the failing statement in the file. */
  start: number;
  end: number;
}

export function statementsOf(text: string): Located[] | null {
  let raw;
  try {
    raw = parseSql(text);
  } catch {
    return null;
  }
  const buf = Buffer.from(text, 'utf8');
  return raw.map((s) => {
    const start = buf.subarray(0, s.location).toString('utf8').length;
    const end = s.length ? start + buf.subarray(s.location, s.location + s.length).toString('utf8').length : text.length;
    return { start, end };
  });
}

/**
 * Replays the folder in a second database and runs each failing file (that has no PG position)
 * statement by statement, to find the statement that fails with the same SQLSTATE and message.
 */
export async function locateFailures(server: PgServer, db: string, files: MigrationFile[], results: ApplyResult[]): Promise<Map<number, Located>> {
  const out = new Map<number, Located>();
  const need = results.some((r) => r.status === 'failed' && r.position === undefined);
  if (!need) return out;
  await applyMigrations(server, db, [], { shimSql: platformShimSql() });
  const client = await server.connect(db);
  try {
    for (let i = 0; i < files.length; i++) {
      const r = results[i];
      if (r.status === 'failed' && r.position !== undefined) continue; // rolled back anyway: nothing to replay
      await client.query(`RESET ALL; RESET SESSION AUTHORIZATION; RESET ROLE; SET search_path TO ${SUPABASE_SEARCH_PATH}`);
      await client.query('BEGIN');
      if (r.status === 'ok') {
        try {
          await client.query(files[i].text);
          await client.query('COMMIT');
        } catch {
          await client.query('ROLLBACK').catch(() => undefined);
        }
        continue;
      }
      const stmts = statementsOf(files[i].text);
      if (stmts) {
        for (const st of stmts) {
          try {
            await client.query(files[i].text.slice(st.start, st.end));
          } catch (e) {
            const err = e as { code?: string; message?: string };
            if (err.code === r.sqlstate && err.message === r.message) out.set(i, st);
            break;
          }
        }
      }
      await client.query('ROLLBACK').catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
  return out;
}


// ---------------------------------------------------------------------------------------------------
// failures, classified

export type FailureKind = 'forward' | 'platform-gap' | 'cascade' | 'absent' | 'other';

export interface Failure {
  index: number;
  file: string;
  result: ApplyResult;
  kind: FailureKind;
  missing: Missing | null;
  /** UTF-16 index in the file where PG failed (exact or estimated), or -1. */
  at: number;
  estimated: boolean;
  /** 0-based line of `at`, or -1. */
  line: number;
}

/**
 * `files` are the texts PG ran, `original` what the engine analysed (they differ only when extension
 * stand-ins replaced CREATE EXTENSION statements; `mapBack` maps a UTF-16 index from one to the other).
 * `neutralized`: CREATE EXTENSIONs left out (withStandins): from the first of them on, a missing object
 * that nothing in the folder creates, or a failure naming such an extension, is counted as a platform gap
 * (the extension would have had it).
 */
export function classify(
  files: MigrationFile[],
  results: ApplyResult[],
  located: Map<number, Located>,
  original: MigrationFile[],
  mapBack: ((idx: number) => number)[],
  neutralized: StandinsApplied['neutralized'] = [],
): Failure[] {
  const standins = new Map(readStandins().map((s) => [s.name, standinSql(s, s.schema ?? 'extensions')]));
  const failedExtensions = new Set<string>();
  const out: Failure[] = [];
  results.forEach((r, i) => {
    if (r.status !== 'failed') return;
    const text = files[i].text;
    const missing = missingObject(r);
    let kind: FailureKind;
    const gap = platformGapExtension(r);
    const earlierFailed = results.slice(0, i).map((x, j) => (x.status === 'failed' ? j : -1)).filter((j) => j >= 0);
    // extensions that never got installed: platform gaps, and CREATE EXTENSIONs in files that failed
    const deadExtensions = new Set(failedExtensions);
    for (const j of earlierFailed) for (const m of blankComments(files[j].text).matchAll(/\bcreate\s+extension\s+(?:if\s+not\s+exists\s+)?"?([\w-]+)"?/gi)) deadExtensions.add(m[1].toLowerCase());
    if (gap) {
      kind = 'platform-gap';
      failedExtensions.add(gap.toLowerCase());
    } else if (
      missing &&
      (earlierFailed.some((j) => creates(files[j].text, missing)) || [...deadExtensions].some((e) => standins.has(e) && creates(standins.get(e)!, missing, true)))
    ) {
      kind = 'cascade';
    } else if (missing && files.slice(i + 1).some((f) => creates(f.text, missing))) {
      kind = 'forward';
    } else if (
      !missing &&
      earlierFailed.length > 0 &&
      [...(r.message ?? '').matchAll(new RegExp(QNAME, 'g'))].some((m) => {
        const q = parseQName(m[0]);
        return earlierFailed.some((j) => createdBy(files[j].text).some((c) => q.schema !== undefined && sameName(c.name, q)));
      })
    ) {
      kind = 'cascade'; // e.g. a DO block raising "public.profiles table does not exist"
    } else if (
      neutralized.some((n) => n.index <= i) &&
      (missing || neutralized.some((n) => new RegExp(String.raw`(^|[^\w])${n.extension.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\w]|$)`, 'i').test(r.message ?? '')))
    ) {
      kind = 'platform-gap'; // an object or check of an extension this PG lacks (its CREATE EXTENSION was left out)
    } else {
      kind = missing ? 'absent' : 'other';
    }
    let at = -1;
    let estimated = false;
    if (r.position !== undefined) at = indexOfPgPosition(text, r.position);
    else {
      const st = located.get(i);
      if (st) {
        estimated = true;
        at = missing ? findMention(text, st.start, st.end, missing.kind === 'column' ? missing.relation ?? missing.name : missing.name) : -1;
        if (at < 0) at = st.start + (text.slice(st.start, st.end).length - text.slice(st.start, st.end).trimStart().length);
      }
    }
    if (at >= 0) at = mapBack[i](at);
    out.push({ index: i, file: files[i].name, result: r, kind, missing, at, estimated, line: at >= 0 ? lineOfIndex(original[i].text, at) : -1 });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------
// extension stand-ins

export interface StandinsApplied {
  files: MigrationFile[];
  mapBack: ((idx: number) => number)[];
  /** With `neutralize`: the CREATE EXTENSIONs left out (file index, extension), in file order. */
  neutralized: { index: number; extension: string }[];
}

/**
 * Stand-ins for extensions this PG lacks: each `CREATE EXTENSION x` of such an extension is replaced by
 * the stand-in's SQL (plain SQL creating the extension's objects with their real names), or by nothing
 * when its objects are already there (preinstalled by the shim, or installed by an earlier file); and
 * CREATE INDEX … USING ivfflat/hnsw is left out (the stand-in access methods cannot build indexes).
 * With `neutralize`, a `CREATE EXTENSION` of an extension this PG lacks and that has no stand-in is left
 * out too (pg_dump files create every installed extension, used or not), so the rest of its file runs.
 */
export function withStandins(files: MigrationFile[], available: Set<string>, opts: { neutralize?: boolean } = {}): StandinsApplied {
  const standins = new Map(readStandins().map((s) => [s.name, s]));
  const installed = new Set(preinstalledStandins());
  const re = /\bcreate\s+extension\s+(if\s+not\s+exists\s+)?("[^"]+"|[\w-]+)(?:\s+with)?(?:\s+schema\s+("[^"]+"|\w+))?(?:\s+version\s+'[^']*')?(?:\s+cascade)?\s*;/gi;
  const out: MigrationFile[] = [];
  const maps: ((idx: number) => number)[] = [];
  const neutralized: StandinsApplied['neutralized'] = [];
  for (const [index, f] of files.entries()) {
    const blanked = blankComments(f.text);
    const edits: { start: number; oldLen: number; text: string }[] = [];
    const pendingInstalls: string[] = [];
    for (const m of blanked.matchAll(re)) {
      const ext = normIdent(m[2]);
      const info = standins.get(ext);
      if (available.has(ext)) continue;
      if (!info) {
        if (opts.neutralize) {
          edits.push({ start: m.index!, oldLen: m[0].length, text: ';' });
          neutralized.push({ index, extension: ext });
        }
        continue;
      }
      const schema = info.schema ?? (m[3] ? normIdent(m[3]) : 'public');
      const sql = installed.has(ext) || pendingInstalls.includes(ext) ? ';' : `\n${standinSql(info, schema)}\n;`;
      pendingInstalls.push(ext);
      edits.push({ start: m.index!, oldLen: m[0].length, text: sql });
    }
    // the stand-in index access methods (ivfflat, hnsw) exist but raise when used: leave such indexes out
    for (const m of blanked.matchAll(/\bcreate\s+(?:unique\s+)?index\b[^;]*?\busing\s+"?(?:ivfflat|hnsw)"?[^;]*;/gi)) {
      if (!available.has('vector')) edits.push({ start: m.index!, oldLen: m[0].length, text: ';' });
    }
    edits.sort((a, b) => a.start - b.start);
    // a file that fails is rolled back: its stand-ins are not installed (PG tells us after the fact, so
    // this is approximate: count them as installed only if nothing else in the file is known to fail)
    for (const e of pendingInstalls) installed.add(e);
    let text = f.text;
    for (const e of [...edits].reverse()) text = text.slice(0, e.start) + e.text + text.slice(e.start + e.oldLen);
    out.push({ name: f.name, text });
    maps.push((idx: number) => {
      let delta = 0;
      for (const e of edits) {
        const s = e.start + delta;
        if (idx < s) break;
        if (idx < s + e.text.length) return e.start;
        delta += e.text.length - e.oldLen;
      }
      return idx - delta;
    });
  }
  return { files: out, mapBack: maps, neutralized };
}

export async function availableExtensions(server: PgServer): Promise<Set<string>> {
  const rows = await server.query<{ name: string }>('select name from pg_available_extensions');
  return new Set(rows.map((r) => r.name));
}

// ---------------------------------------------------------------------------------------------------
// one folder on PostgreSQL

export interface PostgresRun {
  /** The texts PG ran (differ from the input only where extension stand-ins replaced CREATE EXTENSION). */
  files: MigrationFile[];
  results: ApplyResult[];
  failures: Failure[];
  /** CREATE EXTENSIONs left out (`neutralize`). */
  neutralized: StandinsApplied['neutralized'];
}

/**
 * Applies `files` to a new database `db` (platform shim first; with extension stand-ins for the
 * extensions this server lacks if `standins`; leaving out the CREATE EXTENSIONs of the others too if
 * `neutralize`; each file applied like the CLI, its version recorded), locates the failures PG gave no position for (in a second
 * database `db_loc`, unless `locate` is false), drops both databases and classifies the failures.
 */
export async function runOnPostgres(
  server: PgServer,
  db: string,
  files: MigrationFile[],
  opts: { standins?: boolean; neutralize?: boolean; locate?: boolean } = {},
): Promise<PostgresRun> {
  const identity = files.map(() => (idx: number) => idx);
  const pg: StandinsApplied = opts.standins
    ? withStandins(files, await availableExtensions(server), { neutralize: opts.neutralize })
    : { files, mapBack: identity, neutralized: [] };
  const results = await applyMigrations(server, db, pg.files, { shimSql: platformShimSql() });
  const located = opts.locate === false ? new Map<number, Located>() : await locateFailures(server, db + '_loc', pg.files, results);
  await server.dropDatabase(db);
  if (opts.locate !== false) await server.dropDatabase(db + '_loc');
  const failures = classify(pg.files, results, located, files, pg.mapBack, pg.neutralized);
  return { files: pg.files, results, failures, neutralized: pg.neutralized };
}
