/**
 * Agreement between the static engine and a real PostgreSQL 15.
 *
 * Every corpus folder, the bundled example and a few small fixture folders are applied in order to a
 * throwaway PostgreSQL 15 (with the Supabase platform shim, like `supabase db reset` would), and what
 * Postgres says is compared with the engine's findings:
 *
 *  - every PG failure is classified from its SQLSTATE / message and the files:
 *      forward       the missing object is created by a LATER file (and by no earlier file that failed);
 *      platform-gap  an extension this machine does not have (pgvector, pg_cron, http, wrappers, ...);
 *      cascade       the missing object would have been created by an EARLIER file that failed, or by an
 *                    extension that failed to install (looked up in the extension stand-ins);
 *    a failure none of these explains is "absent" (nothing creates the object, or it was dropped): the
 *    engine must then report an unknown-reference / dropped-reference error on that object in that file;
 *    a failure that is not about a missing object at all is "other" (duplicate object, syntax error, ...):
 *    the engine must report an error of the matching rule (or any error) in that file.
 *  - every PG `forward` failure must be a static forward-reference ERROR on the same object in the file;
 *  - every static error-severity forward-/unknown-/dropped-reference finding must be in a file that PG
 *    fails, either on that object ("confirmed") or on something earlier in the file ("masked": a file
 *    stops at its first error, so PG never reached our finding);
 *  - basejump and studyu apply fully, and the engine reports no error for them.
 *
 * Disagreements that are understood are listed in KNOWN_DISAGREEMENTS (keyed "folder/file") with a reason;
 * any other disagreement fails the test, and so does a listed one that no longer happens.
 *
 * Postgres only reports an error position for some statements (not, e.g., for CREATE POLICY expressions
 * or ALTER TABLE targets). For those, the failing statement is found by replaying the folder in a second
 * database and running the failing file statement by statement (statement bounds from the Postgres
 * parser; the same SQLSTATE + message must reproduce), and the position is estimated as the first
 * occurrence of the missing object's name in that statement.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeFolder, type Analysis } from '../../server/src/engine/analyze';
import { initParser, parseSql } from '../../server/src/engine/parser';
import type { Finding } from '../../server/src/engine/types';
import { readFolder } from '../../server/src/host/workspace';
import { analyzeFiles } from '../support/analyze';
import {
  applyMigrations,
  findPostgresBinDir,
  platformShimSql,
  preinstalledStandins,
  readStandins,
  standinSql,
  startPostgres,
  SUPABASE_SEARCH_PATH,
  type ApplyResult,
  type MigrationFile,
  type PgServer,
} from '../support/postgres';

const ROOT = path.resolve(__dirname, '../..');
/** The real corpus, copied into the repository (sources and licenses in test/corpus/NOTICE.md). */
const CORPUS_DIR = path.resolve(ROOT, 'test/corpus');
const SEED_DIR = path.join(ROOT, 'examples/seed/supabase/migrations');

/** Folders that apply fully on PG15: the engine must report no error at all. */
const CLEAN_FOLDERS = new Set(['basejump', 'studyu']);

/**
 * Understood disagreements, keyed "folder/file" (file = migration file name). Each entry is a one-line
 * reason. An unlisted disagreement fails the suite; a listed one that no longer occurs fails it too.
 */
const KNOWN_DISAGREEMENTS: Record<string, string> = {
  'oriva-platform+standins/20251017150528_create_refresh_tokens.sql':
    'out of scope: partial index predicate uses now(), not IMMUTABLE (PG: 42P17 at line 48); not a naming/ordering problem',
};

// ---------------------------------------------------------------------------------------------------
// names

interface QName {
  schema?: string;
  name: string;
}

function normIdent(s: string): string {
  s = s.trim();
  if (s.startsWith('"') && s.endsWith('"') && s.length >= 2) return s.slice(1, -1).replace(/""/g, '"');
  return s.toLowerCase();
}

/** "s.x", "x", "\"S\".\"X\"", "public.f()" or "public.f(integer)" → { schema, name }. */
function parseQName(raw: string): QName {
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
function sameName(a: QName, b: QName): boolean {
  if (a.name.toLowerCase() !== b.name.toLowerCase()) return false;
  if (a.schema && b.schema) return a.schema.toLowerCase() === b.schema.toLowerCase();
  const q = a.schema ?? b.schema;
  return !q || SEARCH_PATH_SCHEMAS.has(q.toLowerCase());
}

function showQName(q: QName): string {
  return q.schema ? `${q.schema}.${q.name}` : q.name;
}

// ---------------------------------------------------------------------------------------------------
// what a PG error is about

type ObjKind = 'relation' | 'function' | 'type' | 'schema' | 'server' | 'column';

interface Missing {
  kind: ObjKind;
  name: QName;
  /** For kind 'column': the relation. */
  relation?: QName;
}

function missingObject(r: ApplyResult): Missing | null {
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

function platformGapExtension(r: ApplyResult): string | null {
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
function blankComments(text: string): string {
  const hit = blankCache.get(text);
  if (hit !== undefined) return hit;
  const out = blankCommentsUncached(text);
  if (text.length > 10_000) blankCache.set(text, out);
  return out;
}
function blankCommentsUncached(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\/|--[^\n]*/g, (c) => c.replace(/[^\n]/g, ' '));
}

const IDENT = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*)`;
const QNAME = String.raw`${IDENT}(?:\s*\.\s*${IDENT})?`;
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

interface Created {
  kind: ObjKind;
  name: QName;
}

const createdCache = new Map<string, Created[]>();

function createdBy(text: string): Created[] {
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

function creates(text: string, miss: Missing, lastPartOnly = false): boolean {
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
function lineOfIndex(text: string, idx: number): number {
  const before = text.slice(0, idx);
  return (before.match(/\r\n|\r|\n/g) ?? []).length;
}

/** PG's 1-based character (code point) position → UTF-16 index. */
function indexOfPgPosition(text: string, pos: number): number {
  let cp = 0;
  let i = 0;
  while (i < text.length && cp < pos - 1) {
    const c = text.codePointAt(i)!;
    i += c > 0xffff ? 2 : 1;
    cp++;
  }
  return i;
}

function byteOffset(text: string, idx: number): number {
  return Buffer.byteLength(text.slice(0, idx), 'utf8');
}

/** UTF-16 index of the first mention of `q` (as an identifier, qualified or not) in text[from, to). */
function findMention(text: string, from: number, to: number, q: QName): number {
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

interface Located {
  /** UTF-16 range of the failing statement in the file. */
  start: number;
  end: number;
}

function statementsOf(text: string): Located[] | null {
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
async function locateFailures(server: PgServer, db: string, files: MigrationFile[], results: ApplyResult[]): Promise<Map<number, Located>> {
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
// the comparison

type FailureKind = 'forward' | 'platform-gap' | 'cascade' | 'absent' | 'other';

interface Failure {
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

interface FolderReport {
  folder: string;
  files: MigrationFile[];
  results: ApplyResult[];
  analysis: Analysis;
  failures: Failure[];
  staticErrors: Finding[];
  confirmed: { finding: Finding; failure: Failure }[];
  masked: { finding: Finding; failure: Failure }[];
  disagreements: { key: string; what: string }[];
}

const REF_CODES = new Set(['forward-reference', 'unknown-reference', 'dropped-reference']);

/** For failures that are not about a missing object: the engine findings that would explain them. */
const OTHER_CODES: Record<string, string[]> = {
  '42710': ['duplicate-object'], // duplicate_object
  '42P07': ['duplicate-object'], // duplicate_table
  '42723': ['duplicate-object'], // duplicate_function
  '42P06': ['duplicate-object'], // duplicate_schema
  '42601': ['syntax-error'],
  '22021': ['invalid-encoding'],
};

function fileIndexOf(a: Analysis, f: Finding): number {
  return a.migrations.findIndex((m) => m.path === f.file);
}

function findingObject(f: Finding): QName | null {
  return f.object ? parseQName(f.object) : null;
}

/**
 * `files` are the texts PG ran, `original` what the engine analysed (they differ only when extension
 * stand-ins replaced CREATE EXTENSION statements; `mapBack` maps a UTF-16 index from one to the other).
 */
function classify(files: MigrationFile[], results: ApplyResult[], located: Map<number, Located>, original: MigrationFile[], mapBack: ((idx: number) => number)[]): Failure[] {
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

function compare(folder: string, files: MigrationFile[], results: ApplyResult[], analysis: Analysis, failures: Failure[]): FolderReport {
  const disagreements: { key: string; what: string }[] = [];
  const confirmed: FolderReport['confirmed'] = [];
  const masked: FolderReport['masked'] = [];
  const key = (i: number) => `${folder}/${files[i].name}`;
  const staticErrors = analysis.findings.filter((f) => f.severity === 'error');
  const failureAt = new Map(failures.map((f) => [f.index, f]));

  // the engine applies (and the test feeds PG) the same files in the same order
  assert.deepEqual(
    analysis.migrations.map((m) => m.name),
    files.map((f) => f.name),
  );

  // static reference errors → PG must fail there
  for (const f of staticErrors) {
    if (!REF_CODES.has(f.code)) continue;
    const i = fileIndexOf(analysis, f);
    const obj = findingObject(f);
    const where = `${f.code} ${f.object ?? '?'} at line ${f.range.start.line + 1}`;
    const failure = failureAt.get(i);
    if (!failure) {
      disagreements.push({ key: key(i), what: `engine: ${where}, but PG applies the file` });
      continue;
    }
    const sameObject = !!obj && !!failure.missing && failure.missing.kind !== 'column' && sameName(failure.missing.name, obj);
    const findingIdx = Buffer.from(files[i].text, 'utf8').subarray(0, f.range.startByte).toString('utf8').length;
    if (sameObject && (f.code !== 'forward-reference' || failure.kind === 'forward')) confirmed.push({ finding: f, failure });
    else if (failure.at >= 0 && failure.at < findingIdx && !sameObject) masked.push({ finding: f, failure });
    else
      disagreements.push({
        key: key(i),
        what: `engine: ${where}, but PG fails ${failure.at < 0 ? 'at an unknown place' : `at line ${failure.line + 1}`} with ${failure.result.sqlstate} "${failure.result.message}" (${failure.kind})`,
      });
  }

  // PG failures → the engine must say so when the cause is inside the folder
  for (const fl of failures) {
    if (fl.kind === 'platform-gap' || fl.kind === 'cascade') continue;
    const want = fl.kind === 'forward' ? ['forward-reference'] : fl.kind === 'absent' ? ['unknown-reference', 'dropped-reference'] : OTHER_CODES[fl.result.sqlstate ?? ''] ?? ['(any)'];
    const match = staticErrors.find(
      (f) =>
        fileIndexOf(analysis, f) === fl.index &&
        (fl.kind === 'other'
          ? want.includes(f.code) || want[0] === '(any)'
          : want.includes(f.code) && !!fl.missing && !!findingObject(f) && sameName(findingObject(f)!, fl.missing.name)),
    );
    if (!match) {
      const near = analysis.findings
        .filter((f) => fileIndexOf(analysis, f) === fl.index && REF_CODES.has(f.code))
        .map((f) => `${f.severity} ${f.code} ${f.object} line ${f.range.start.line + 1}`);
      disagreements.push({
        key: key(fl.index),
        what: `PG: ${fl.result.sqlstate} "${fl.result.message}" at line ${fl.line + 1}${fl.estimated ? ' (estimated)' : ''} (${fl.kind}), but the engine reports no ${want.join('/')} error on it${near.length ? ` (it has: ${near.join('; ')})` : ''}`,
      });
    }
  }

  if (CLEAN_FOLDERS.has(folder)) {
    for (const r of results) if (r.status !== 'ok') disagreements.push({ key: `${folder}/${r.name}`, what: `PG fails (${r.sqlstate} ${r.message}) in a folder expected to apply fully` });
    for (const f of staticErrors) {
      const i = fileIndexOf(analysis, f);
      if (!REF_CODES.has(f.code) || !failureAt.has(i))
        disagreements.push({ key: `${folder}/${path.basename(f.file)}`, what: `engine: ${f.code} error ${f.object ?? ''} at line ${f.range.start.line + 1} in a folder PG applies fully` });
    }
  }
  return { folder, files, results, analysis, failures, staticErrors, confirmed, masked, disagreements };
}

function countBy<T>(xs: T[], k: (x: T) => string): string {
  const m = new Map<string, number>();
  for (const x of xs) m.set(k(x), (m.get(k(x)) ?? 0) + 1);
  return [...m].map(([a, b]) => `${a} ${b}`).join(', ') || '-';
}

function printReport(r: FolderReport): void {
  const ok = r.results.filter((x) => x.status === 'ok').length;
  console.log(
    `      ${r.folder.padEnd(16)} files ${String(r.files.length).padStart(3)} | PG ok ${String(ok).padStart(3)} failed ${String(r.results.length - ok).padStart(3)}` +
      ` | failures: ${countBy(r.failures, (f) => f.kind)} | static errors: ${countBy(r.staticErrors, (f) => f.code)}` +
      ` | confirmed ${r.confirmed.length}, masked ${r.masked.length} | disagreements ${r.disagreements.length}`,
  );
  if (process.env.AGREEMENT_VERBOSE)
    for (const f of r.failures)
      console.log(`        ${f.kind.padEnd(12)} ${f.file}:${f.line + 1}${f.estimated ? '~' : ''} ${f.result.sqlstate} ${f.result.message}`);
  for (const m of r.masked) console.log(`        masked: ${path.basename(m.finding.file)}:${m.finding.range.start.line + 1} ${m.finding.code} ${m.finding.object} (PG failed first at line ${m.failure.line + 1}: ${m.failure.result.message})`);
  for (const d of r.disagreements) console.log(`        ${KNOWN_DISAGREEMENTS[d.key] ? 'known' : 'NEW'} disagreement ${d.key}: ${d.what}`);
}

/** Unlisted disagreements fail; listed ones for this folder that did not occur fail too. */
function assertAgreement(r: FolderReport): void {
  const unlisted = r.disagreements.filter((d) => !KNOWN_DISAGREEMENTS[d.key]);
  assert.deepEqual(
    unlisted.map((d) => `${d.key}: ${d.what}`),
    [],
    'disagreements between the engine and PostgreSQL 15 (fix the engine, or list them in KNOWN_DISAGREEMENTS with a reason)',
  );
  const stale = Object.keys(KNOWN_DISAGREEMENTS).filter((k) => k.startsWith(r.folder + '/') && !r.disagreements.some((d) => d.key === k));
  assert.deepEqual(stale, [], 'KNOWN_DISAGREEMENTS entries that no longer occur: remove them');
}

// ---------------------------------------------------------------------------------------------------

let dbCounter = 0;

/**
 * Stand-ins for extensions this PG lacks: each `CREATE EXTENSION x` of such an extension is replaced by
 * the stand-in's SQL (plain SQL creating the extension's objects with their real names), or by nothing
 * when its objects are already there (preinstalled by the shim, or installed by an earlier file); and
 * CREATE INDEX … USING ivfflat/hnsw is left out (the stand-in access methods cannot build indexes).
 */
function withStandins(files: MigrationFile[], available: Set<string>): { files: MigrationFile[]; mapBack: ((idx: number) => number)[] } {
  const standins = new Map(readStandins().map((s) => [s.name, s]));
  const installed = new Set(preinstalledStandins());
  const re = /\bcreate\s+extension\s+(if\s+not\s+exists\s+)?("[^"]+"|[\w-]+)(?:\s+with)?(?:\s+schema\s+("[^"]+"|\w+))?(?:\s+version\s+'[^']*')?(?:\s+cascade)?\s*;/gi;
  const out: MigrationFile[] = [];
  const maps: ((idx: number) => number)[] = [];
  for (const f of files) {
    const blanked = blankComments(f.text);
    const edits: { start: number; oldLen: number; text: string }[] = [];
    const pendingInstalls: string[] = [];
    for (const m of blanked.matchAll(re)) {
      const ext = normIdent(m[2]);
      const info = standins.get(ext);
      if (!info || available.has(ext)) continue;
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
  return { files: out, mapBack: maps };
}

async function availableExtensions(server: PgServer): Promise<Set<string>> {
  const rows = await server.query<{ name: string }>('select name from pg_available_extensions');
  return new Set(rows.map((r) => r.name));
}

async function runFolder(server: PgServer, folder: string, files: MigrationFile[], analysis: Analysis, opts: { standins?: boolean } = {}): Promise<FolderReport> {
  const db = `agree_${++dbCounter}_${folder.replace(/[^a-z0-9]/gi, '_').toLowerCase()}`;
  const identity = files.map(() => (idx: number) => idx);
  const pg = opts.standins ? withStandins(files, await availableExtensions(server)) : { files, mapBack: identity };
  const results = await applyMigrations(server, db, pg.files, { shimSql: platformShimSql() });
  const located = await locateFailures(server, db + '_loc', pg.files, results);
  await server.dropDatabase(db);
  await server.dropDatabase(db + '_loc');
  const failures = classify(pg.files, results, located, files, pg.mapBack);
  const report = compare(folder, files, results, analysis, failures);
  printReport(report);
  return report;
}

async function runDiskFolder(server: PgServer, folder: string, dir: string, opts: { standins?: boolean } = {}): Promise<FolderReport> {
  await initParser();
  const input = await readFolder(dir);
  const analysis = analyzeFolder(input);
  const files = analysis.migrations.map((m) => ({ name: m.name, text: input.files.get(m.name)?.text ?? '' }));
  return runFolder(server, folder, files, analysis, opts);
}

async function runFixture(server: PgServer, folder: string, files: Record<string, string>): Promise<FolderReport> {
  const analysis = await analyzeFiles(files);
  const list = Object.keys(files)
    .sort()
    .map((name) => ({ name, text: files[name] }));
  return runFolder(server, folder, list, analysis);
}

/** [file, sqlstate, kind] of PG's failures, and [file, code, object] of the engine's errors. */
function pgFailures(r: FolderReport): string[][] {
  return r.failures.map((f) => [f.file, f.result.sqlstate ?? '', f.kind]);
}
function engineErrors(r: FolderReport): string[][] {
  return r.staticErrors.map((f) => [path.basename(f.file), f.code, f.object ?? '']);
}

const FIXTURES: { name: string; files: Record<string, string>; pg: string[][]; engine: string[][] }[] = [
  {
    name: 'fx-function-later',
    files: {
      '20240101000000_counters.sql': 'create table public.counters (\n  id int primary key,\n  n int not null default public.next_n()\n);\n',
      // a plpgsql body naming a later table: Postgres does not check it at CREATE time (engine: a warning)
      '20240101000001_deferred.sql':
        'create function public.count_later() returns bigint language plpgsql as $$\nbegin\n  return (select count(*) from public.later_things);\nend $$;\n',
      '20240102000000_next_n.sql': 'create function public.next_n() returns int language sql as $$ select 1 $$;\ncreate table public.later_things (id int);\n',
    },
    pg: [['20240101000000_counters.sql', '42883', 'forward']],
    engine: [['20240101000000_counters.sql', 'forward-reference', 'public.next_n()']],
  },
  {
    name: 'fx-type-later',
    files: {
      '20240101000000_items.sql': 'create table public.items (\n  id bigint primary key,\n  status public.item_status not null\n);\n',
      '20240102000000_status.sql': "create type public.item_status as enum ('draft', 'live');\n",
    },
    pg: [['20240101000000_items.sql', '42704', 'forward']],
    engine: [['20240101000000_items.sql', 'forward-reference', 'public.item_status']],
  },
  {
    name: 'fx-schema-later',
    files: {
      '20240101000000_settings.sql': 'create table app.settings (\n  key text primary key,\n  value jsonb\n);\n',
      '20240102000000_app_schema.sql': 'create schema app;\n',
    },
    pg: [['20240101000000_settings.sql', '3F000', 'forward']],
    engine: [['20240101000000_settings.sql', 'forward-reference', 'app']],
  },
  {
    name: 'fx-dropped',
    files: {
      '20240101000000_legacy.sql': 'create table public.legacy_notes (id int primary key, body text);\n',
      '20240102000000_drop_legacy.sql': 'drop table public.legacy_notes;\n',
      '20240103000000_view.sql': 'create view public.note_bodies as\n  select body from public.legacy_notes;\n',
    },
    pg: [['20240103000000_view.sql', '42P01', 'absent']],
    engine: [['20240103000000_view.sql', 'dropped-reference', 'public.legacy_notes']],
  },
];

describe('agreement with a real PostgreSQL 15', function () {
  this.timeout(180_000);
  let server: PgServer | undefined;

  before(async function () {
    if (!findPostgresBinDir()) {
      console.warn('    skipping: PostgreSQL 15 binaries (initdb, postgres) not found; install postgresql-15 or set PG_BIN_DIR');
      this.skip();
    }
    await initParser();
    server = await startPostgres();
  });

  after(async () => {
    await server?.stop();
  });

  const corpora = fs.existsSync(CORPUS_DIR)
    ? fs
        .readdirSync(CORPUS_DIR)
        .filter((n) => fs.existsSync(path.join(CORPUS_DIR, n, 'supabase/migrations')))
        .sort()
    : [];

  it('finds the real corpus (test/corpus)', () => {
    assert.ok(corpora.length >= 5, `expected the corpus folders in ${CORPUS_DIR}`);
  });

  for (const name of corpora) {
    it(`corpus ${name}`, async () => {
      const r = await runDiskFolder(server!, name, path.join(CORPUS_DIR, name, 'supabase/migrations'));
      if (CLEAN_FOLDERS.has(name)) {
        assert.deepEqual(r.results.filter((x) => x.status !== 'ok').map((x) => x.name), [], `${name} applies fully on PG15`);
        assert.deepEqual(engineErrors(r), [], `${name}: the engine reports no error`);
      }
      assertAgreement(r);
    });
  }

  // The same folders with extension stand-ins in place of the extensions this machine lacks: they then
  // apply much further, so forward / unknown references are no longer hidden behind cascades.
  for (const name of corpora) {
    it(`corpus ${name}, extension stand-ins for missing extensions`, async () => {
      const r = await runDiskFolder(server!, name + '+standins', path.join(CORPUS_DIR, name, 'supabase/migrations'), { standins: true });
      assertAgreement(r);
    });
  }

  it('bundled example (examples/seed)', async () => {
    const r = await runDiskFolder(server!, 'seed', SEED_DIR);
    assert.deepEqual(pgFailures(r), [
      ['20251229000000_tenant_llm_policies.sql', '42P01', 'forward'],
      ['20260105000002_tenant_overview_view.sql', '42P01', 'absent'],
    ]);
    assert.match(r.failures[0].result.message ?? '', /relation "copilot_internal\.tenants" does not exist/);
    assert.match(r.failures[1].result.message ?? '', /relation "public\.tenants" does not exist/);
    assert.deepEqual(engineErrors(r), [
      ['20251229000000_tenant_llm_policies.sql', 'forward-reference', 'copilot_internal.tenants'],
      ['20260105000002_tenant_overview_view.sql', 'unknown-reference', 'public.tenants'],
    ]);
    // PG's error position (estimated from the failing statement when PG gives none) is on the finding's line
    for (let k = 0; k < 2; k++) {
      assert.ok(r.failures[k].line >= 0, `${r.failures[k].file}: PG failure located`);
      assert.equal(r.failures[k].line, r.staticErrors[k].range.start.line, `${r.failures[k].file}: PG and the engine point at the same line`);
    }
    assert.equal(r.failures[1].estimated, false, 'PG reports a position for the view');
    assert.equal(r.confirmed.length, 2);
    assertAgreement(r);
  });

  for (const fx of FIXTURES) {
    it(`fixture ${fx.name}`, async () => {
      const r = await runFixture(server!, fx.name, fx.files);
      assert.deepEqual(pgFailures(r), fx.pg, 'PG failures');
      // what the engine should say; files with a known disagreement are left out until the engine is fixed
      const known = (file: string) => !!KNOWN_DISAGREEMENTS[`${fx.name}/${file}`];
      assert.deepEqual(
        engineErrors(r).filter((e) => !known(e[0])),
        fx.engine.filter((e) => !known(e[0])),
        'engine errors',
      );
      for (const fl of r.failures) {
        if (known(fl.file)) continue;
        const f = r.staticErrors.find((e) => path.basename(e.file) === fl.file);
        assert.ok(fl.line >= 0, `${fl.file}: PG failure located`);
        assert.equal(fl.line, f?.range.start.line, `${fl.file}: PG and the engine point at the same line`);
      }
      assertAgreement(r);
    });
  }
});
