/**
 * Seeded inputs for the language-server fuzz test (test/protocol/fuzz.test.ts): a pool of real statements
 * (the corpus folders, the rule specs, the replay's tricky cases), hostile text and bytes, migration file
 * names the Supabase CLI applies and ones it skips, and random edits. Everything is drawn from one
 * `rng(seed)`, so a seed always gives the same folder and the same steps.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { statementGroups } from '../../server/src/engine/split';
import { TRICKY_STATEMENTS } from './tricky';

export type Rng = () => number;

const TEST = path.resolve(__dirname, '..');

export function int(r: Rng, lo: number, hi: number): number {
  return lo + Math.floor(r() * (hi - lo + 1));
}

export function pick<T>(r: Rng, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

/** Pick by weight: `[[weight, value], …]`. */
export function weighted<T>(r: Rng, table: readonly (readonly [number, T])[]): T {
  const total = table.reduce((n, [w]) => n + w, 0);
  let x = r() * total;
  for (const [w, v] of table) if ((x -= w) < 0) return v;
  return table[table.length - 1][1];
}

function sqlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.sql')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

function statementsOf(file: string): string[] {
  return statementGroups(readFileSync(file, 'utf8'), 1)
    .map((s) => s.replace(/^\s*\n/, ''))
    .filter((s) => s.trim() && s.length <= 4000);
}

/** The corpus projects statements are drawn from, listed (not read from the folder) so that a seed keeps its meaning when the corpus grows. */
const PROJECTS = [
  'agentops', 'basejump', 'cache-helpers', 'chatbot-ui', 'cmsaasstarter', 'coinhub',
  'database-build', 'dbdev', 'evals-cron-queues', 'grida', 'headless-vector-search', 'jet',
  'makerkit-lite', 'nextbase', 'nuxt-starter', 'onlook', 'openai-doc-search', 'oriva-platform',
  'pgflow', 'postgrest-js-test', 'quivr', 'razikus-template', 'sanjo-saas', 'studyu',
  'supabase-flutter', 'supabase-swift-slack', 'vercel-ai-chatbot', 'vercel-subscription-payments',
];

let corpusCache: { projects: string[][]; specs: string[] } | undefined;

/** Statements of every corpus project (one list each, in file order) and of the rule specs. */
function corpus(): { projects: string[][]; specs: string[] } {
  if (corpusCache) return corpusCache;
  const root = path.join(TEST, 'corpus');
  const projects = PROJECTS.map((p) => sqlFiles(path.join(root, p, 'supabase', 'migrations')).flatMap(statementsOf));
  const specs = sqlFiles(path.join(TEST, 'specs')).flatMap(statementsOf);
  return (corpusCache = { projects, specs });
}

/**
 * This seed's statements: runs of consecutive statements from two corpus projects (so that they refer to
 * each other: a file order that differs from theirs makes forward references, drops make dropped ones),
 * some rule specs and every tricky statement.
 */
export function statementPool(r: Rng): string[] {
  const { projects, specs } = corpus();
  const pool: string[] = [...TRICKY_STATEMENTS];
  for (let k = 0; k < 2; k++) {
    const p = pick(r, projects);
    const start = int(r, 0, Math.max(0, p.length - 60));
    pool.push(...p.slice(start, start + 60));
  }
  for (let k = 0; k < 25; k++) pool.push(pick(r, specs));
  return pool;
}

// ---- hostile text ------------------------------------------------------------------------------------

/** Text an editor can hold that the analysis must survive. */
export function hostileText(r: Rng): string {
  return weighted<() => string>(r, [
    [3, () => pick(r, ['\u0000', '\u0001', '\u0007', '\u001b[31m', '\u007f', '\u0085', '\u2028', '\ufeff', '\ufffd'])],
    [3, () => pick(r, ['😀', '𝔘𝔫𝔦', '表', 'é', 'e\u0301', 'ß', '\ud83d', '\ude00', '\udbff\udfff', 'Ω≈ç√'])],
    [3, () => pick(r, ["'", '"', '$$', '$body$', '$a$ x $b$', '/*', '/* /* */', '*/', '--', 'E\'\\', "U&'\\0041'", '\\'])],
    [2, () => pick(r, ['\r', '\r\n', '\n\n\n', '\t', ' ', ';', ';;;', '\r\r\n'])],
    [1, () => pick(r, ['(', ')', '[', ']']).repeat(int(r, 1, 400))],
    [1, () => `select ${'('.repeat(int(r, 50, 600))}1${')'.repeat(int(r, 0, 600))};`],
    [1, () => `select ${'array['.repeat(int(r, 20, 200))}1${']'.repeat(int(r, 20, 200))};`],
    [1, () => `-- ${'x'.repeat(int(r, 2000, 30000))}\n`],
    [1, () => `select '${'é😀'.repeat(int(r, 500, 3000))}';\n`],
    [1, () => `create table public."${'q'.repeat(int(r, 60, 300))}" (id int);\n`],
    [1, () => `do $$ begin ${'begin '.repeat(int(r, 10, 200))} perform 1; ${'end; '.repeat(int(r, 0, 200))} end $$;\n`],
    [1, () => `create function public.f${int(r, 0, 3)}() returns int language plpgsql as $fn$ begin return (select count(*) from public.t${int(r, 1, 9)}); end $fn$;\n`],
  ])();
}

/** Bytes a file on disk may hold that no editor would write: invalid UTF-8, NUL, a BOM, a cut character. */
function hostileBytes(r: Rng): Buffer {
  return pick(r, [
    Buffer.from([0xff]),
    Buffer.from([0xfe, 0xff]),
    Buffer.from([0xc3]), // a lead byte without its continuation
    Buffer.from([0x80, 0x80]), // continuations without a lead
    Buffer.from([0xc0, 0x80]), // overlong NUL
    Buffer.from([0xed, 0xa0, 0x80]), // an encoded surrogate
    Buffer.from([0xf4, 0x90, 0x80, 0x80]), // above U+10FFFF
    Buffer.from([0xf0, 0x9f, 0x98]), // a 4-byte character cut short
    Buffer.from([0x00]),
    Buffer.from([0x00, 0x00, 0x00]),
    Buffer.from([0xef, 0xbb, 0xbf]), // a BOM in the middle
  ]);
}

/** Random bytes, mostly not UTF-8. */
function noise(r: Rng, n: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = r() < 0.6 ? int(r, 0x20, 0x7e) : int(r, 0, 255);
  return b;
}

/** A few statements of the pool, joined the ways files join them. */
export function sqlText(r: Rng, pool: readonly string[], lo = 1, hi = 8): string {
  const n = int(r, lo, hi);
  const sep = pick(r, ['\n', '\n\n', '\r\n', '\n-- next\n', ' ']);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(r() < 0.12 ? hostileText(r) : pick(r, pool));
  return parts.join(sep) + (r() < 0.8 ? '\n' : '');
}

/** The content of a file written on disk. */
export function fileBytes(r: Rng, pool: readonly string[], previous?: Buffer): Buffer {
  return weighted<() => Buffer>(r, [
    [10, () => Buffer.from(sqlText(r, pool), 'utf8')],
    [4, () => (previous ? mutateBytes(r, previous, pool) : Buffer.from(sqlText(r, pool), 'utf8'))],
    [3, () => spliceBytes(r, Buffer.from(sqlText(r, pool), 'utf8'))],
    [1, () => noise(r, int(r, 1, 3000))],
    [1, () => Buffer.alloc(0)],
    [1, () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sqlText(r, pool), 'utf8')])],
  ])();
}

/** Hostile bytes or text dropped into the middle of a file (possibly inside a multi-byte character). */
function spliceBytes(r: Rng, b: Buffer): Buffer {
  const at = int(r, 0, b.length);
  const mid = r() < 0.6 ? hostileBytes(r) : Buffer.from(hostileText(r), 'utf8');
  return Buffer.concat([b.subarray(0, at), mid, b.subarray(at)]);
}

/** A change to a file's bytes: truncated, spliced, a statement added, a byte flipped. */
function mutateBytes(r: Rng, b: Buffer, pool: readonly string[]): Buffer {
  return weighted<() => Buffer>(r, [
    [2, () => b.subarray(0, int(r, 0, b.length))],
    [3, () => spliceBytes(r, b)],
    [3, () => Buffer.concat([b, Buffer.from(sqlText(r, pool, 1, 2), 'utf8')])],
    [1, () => {
      const c = Buffer.from(b);
      if (c.length) c[int(r, 0, c.length - 1)] = int(r, 0, 255);
      return c;
    }],
  ])();
}

// ---- file names ----------------------------------------------------------------------------------------

const LABELS = ['tables', 'policies', 'fix', 'x', 'init', '', 'über_täble', 'with space', 'emoji😀', 'a.b', 'hash#1', 'per%cent', 'q?', 'dup'];

/** A version: timestamps near each other (so that names collide and interleave), or odd lengths. */
function version(r: Rng): string {
  return weighted<() => string>(r, [
    [12, () => `2024010${int(r, 1, 3)}0000${String(int(r, 0, 12)).padStart(2, '0')}`],
    [1, () => pick(r, ['20240101', '1', '0042', '202401020000001', '20200101000000', '99999999999999999999'])],
  ])();
}

/** A file name for the migrations folder: mostly ones the CLI applies, some it skips (with a finding or without). */
export function fileName(r: Rng): string {
  return weighted<() => string>(r, [
    [14, () => `${version(r)}_${pick(r, LABELS)}.sql`],
    [1, () => pick(r, [`${version(r)}_x.SQL`, `${version(r)}-x.sql`, `${version(r)}.sql`, 'x.sql', `${version(r)}_x.sql.bak`, `${version(r)}_x`, '.hidden.sql', 'README.md', `${version(r)} x.sql`])],
  ])();
}

/** A `.supabase-migrations.json` the CLI accepts (an invalid one makes it stop; the server ignores it). */
export function configText(r: Rng): string {
  const rules: Record<string, string> = {};
  for (const code of ['forward-reference', 'unknown-reference', 'missing-foreign-key', 'syntax-error', 'invalid-filename', 'duplicate-object', 'dropped-reference', 'invalid-encoding']) {
    if (r() < 0.3) rules[code] = pick(r, ['off', 'error', 'warning', 'info', 'hint']);
  }
  const cfg: Record<string, unknown> = { rules };
  if (r() < 0.3) cfg.foreignKeyPatterns = [pick(r, ['^(.+)_id$', '^(.+)_ref$', '^owner$'])];
  if (r() < 0.4) cfg.maxFileBytes = pick(r, [200, 2000, 5000, 100_000]);
  if (r() < 0.2) cfg.searchPath = [pick(r, ['public', 'private', 'extensions'])];
  return JSON.stringify(cfg, null, 2);
}

// ---- edits ---------------------------------------------------------------------------------------------

/** Text typed or pasted into an editor. */
export function insertText(r: Rng, pool: readonly string[], current: string): string {
  return weighted<() => string>(r, [
    [4, () => pick(r, pool) + pick(r, ['\n', '', '\r\n'])],
    [4, () => hostileText(r)],
    [4, () => pick(r, [' ', '\n', 'a', ';', '1', '(', ')', "'", 'z_', 'public.', 't1', 'tenants', 'create ', 'drop ', 'table '])],
    [2, () => {
      const a = int(r, 0, current.length);
      return current.slice(a, a + int(r, 0, 200));
    }],
  ])();
}
