/**
 * Incremental re-analysis (what the language server does on every keystroke) must give exactly what a
 * fresh analysis of the same texts gives: findings (messages, ranges, related locations, fixes, rename
 * plans), every reference's resolution, definitions and the dependency graph. Random but seeded edits on
 * real corpus folders, the bundled example and a generated workspace; both the fast path (effects kept)
 * and the fall-back (effects changed) must be taken.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeFolder, Analysis, EngineConfig, FactsCache, FileContent, reanalyzeFolder } from '../../server/src/engine/analyze';
import { initParser } from '../../server/src/engine/parser';
import { generateMigrations, rng } from '../../bench/generate';
import { observable } from '../support/observable';
import { TRICKY_STATEMENTS as POOL } from '../support/tricky';

const CORPUS = path.resolve(__dirname, '../corpus');

function loadFolder(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const n of readdirSync(dir).sort()) if (n.endsWith('.sql')) out.set(n, readFileSync(path.join(dir, n), 'utf8'));
  return out;
}

type Edit = (text: string, r: () => number, names: string[]) => string;

const EDITS: Edit[] = [
  // typing a query at the end (a new use; an unknown or an existing name)
  (t, r, names) => `${t}\nselect * from ${r() < 0.5 ? 'public.nope_' + Math.floor(r() * 3) : names[Math.floor(r() * names.length)] ?? 'public.x'};\n`,
  // a comment line with non-ASCII text somewhere (moves every range below it; UTF-16 columns differ from bytes)
  (t, r) => {
    const lines = t.split('\n');
    lines.splice(Math.floor(r() * lines.length), 0, '-- ünïcödé 🚀 note');
    return lines.join('\n');
  },
  // a newline or a space typed at a random place (may split a token: a syntax error)
  (t, r) => {
    const i = Math.floor(r() * t.length);
    return t.slice(0, i) + (r() < 0.5 ? '\n' : ' ') + t.slice(i);
  },
  // one character deleted
  (t, r) => {
    const i = Math.floor(r() * t.length);
    return t.slice(0, i) + t.slice(i + 1);
  },
  // a referenced name mistyped (`public.x` → `public.xx`), which can change what the file does
  (t, r) => {
    const m = [...t.matchAll(/\b(public|auth)\.([a-z_][a-z0-9_]*)/g)];
    if (!m.length) return t + ' ';
    const hit = m[Math.floor(r() * m.length)];
    const at = hit.index! + hit[0].length;
    return t.slice(0, at) + 'x' + t.slice(at);
  },
  // a column added to the first CREATE TABLE (effects change: the fall-back path)
  (t) => t.replace(/create table ([^(]+)\(/i, (m) => `${m} added_col_${t.length % 7} text,`),
];

function tablesOf(files: Map<string, string>): string[] {
  const out = new Set<string>();
  for (const t of files.values()) for (const m of t.matchAll(/create table (?:if not exists )?((?:public|[a-z_]+)\.[a-z_0-9]+)/gi)) out.add(m[1]);
  return [...out];
}

async function run(name: string, files: Map<string, string>, steps: number, seed: number): Promise<{ fast: number; full: number }> {
  await initParser();
  const folder = `/ws/${name}/supabase/migrations`;
  const entries = [...files.keys()].map((n) => ({ name: n, isDirectory: false }));
  const config = {};
  const current = new Map(files);
  const input = () => ({ folder, entries, files: new Map([...current].map(([k, v]) => [k, { text: v } as FileContent])), config });
  const cache: FactsCache = new Map();
  let a = analyzeFolder(input(), cache);
  const r = rng(seed);
  const names = tablesOf(files);
  const list = [...files.keys()];
  let fast = 0;
  let full = 0;
  for (let step = 0; step < steps; step++) {
    const file = list[Math.floor(r() * list.length)];
    const edit = EDITS[Math.floor(r() * EDITS.length)];
    const revert = r() < 0.15;
    current.set(file, revert ? files.get(file)! : edit(current.get(file)!, r, names));
    a = reanalyzeFolder(a, input(), cache);
    if (a.incremental) fast++;
    else full++;
    const fresh = analyzeFolder(input());
    assert.deepStrictEqual(observable(a), observable(fresh), `${name}: step ${step} (${file}) differs from a fresh analysis`);
  }
  return { fast, full };
}

/** Analyse each state of a folder incrementally from the previous one; each must equal a fresh analysis. */
/** A folder in one state (file name → text) as analysis input; the same config object keeps re-analyses incremental. */
function stateInput(folder: string, s: Record<string, string>, config: EngineConfig) {
  return {
    folder,
    entries: Object.keys(s).map((n) => ({ name: n, isDirectory: false })),
    files: new Map(Object.entries(s).map(([k, v]) => [k, { text: v } as FileContent])),
    config,
  };
}

async function sequence(name: string, states: Record<string, string>[]): Promise<{ fast: number; resumed: number; full: number; scoped: number }> {
  await initParser();
  const folder = `/ws/${name.replace(/\W+/g, '-')}/supabase/migrations`;
  const config = {};
  const cache: FactsCache = new Map();
  const input = (s: Record<string, string>) => stateInput(folder, s, config);
  const counts = { fast: 0, resumed: 0, full: 0, scoped: 0 };
  let a = analyzeFolder(input(states[0]), cache);
  for (let i = 1; i < states.length; i++) {
    const before = a.timeline;
    a = reanalyzeFolder(a, input(states[i]), cache);
    // (a result says how it was made: never both, never the previous step's)
    assert.ok(!(a.incremental && a.replayed), `${name}: state ${i} is both incremental and replayed`);
    if (a.incremental) counts.fast++;
    else if (a.timeline.snapshot && a.timeline.snapshot === before.snapshot) counts.resumed++;
    else counts.full++;
    if (a.replayed) counts.scoped++;
    assert.deepStrictEqual(observable(a), observable(analyzeFolder(input(states[i]))), `${name}: state ${i}`);
  }
  return counts;
}

describe('incremental re-analysis', function () {
  this.timeout(300_000);

  for (const ws of ['basejump', 'chatbot-ui', 'quivr', 'studyu', 'oriva-platform']) {
    it(`equals a fresh analysis after random edits: corpus ${ws}`, async () => {
      const files = loadFolder(path.join(CORPUS, ws, 'supabase', 'migrations'));
      const { fast, full } = await run(ws, files, ws === 'oriva-platform' ? 25 : 60, 7 + ws.length);
      assert.ok(fast >= 10, `fast path taken ${fast} times (full ${full})`);
      assert.ok(full >= 1, `fall-back taken ${full} times`);
    });
  }

  it('equals a fresh analysis after random edits: the bundled example and a generated workspace', async () => {
    const seed = loadFolder(path.resolve(__dirname, '../../examples/seed/supabase/migrations'));
    const r1 = await run('seed', seed, 60, 3);
    const gen = generateMigrations(40, { forwardEvery: 10 }).files;
    const r2 = await run('generated', gen, 60, 11);
    assert.ok(r1.fast >= 10 && r2.fast >= 10, `fast path taken ${r1.fast} / ${r2.fast} times`);
  });

  it('equals a fresh analysis while statements that create and alter objects are typed key by key', async () => {
    await initParser();
    const files = loadFolder(path.join(CORPUS, 'quivr', 'supabase', 'migrations'));
    const names = [...files.keys()];
    const folder = '/ws/typing/supabase/migrations';
    const entries = names.map((n) => ({ name: n, isDirectory: false }));
    const config = {};
    const current = new Map(files);
    const input = () => ({ folder, entries, files: new Map([...current].map(([k, v]) => [k, { text: v } as FileContent])), config });
    const cache: FactsCache = new Map();
    let a = analyzeFolder(input(), cache);
    let resumed = 0;
    let replays = 0;
    // in a middle file and in the last one: a table that an earlier file already uses (a forward reference
    // appears in it), a column, a drop; every prefix is a keystroke
    const typed = [
      [names[30], '\ncreate table public.vectors (id uuid primary key, note text);\nalter table public.brains add column extra int references public.vectors;\nalter table public.vectors add column extra int;\ndrop table if exists public.chats;\ncreate table public.vectors_2 (id int);\n'],
      [names.filter((n) => /^\d+_.*\.sql$/.test(n)).pop()!, '\ncreate table public.brains_x (id uuid primary key);\ncreate index on public.brains_x (id);\n'],
    ] as const;
    for (const [file, text] of typed) {
      const original = current.get(file)!;
      for (let n = 1, step = 0; n <= text.length; n += 3, step++) {
        current.set(file, original + text.slice(0, n));
        const before = a.timeline;
        a = reanalyzeFolder(a, input(), cache);
        if (a.timeline !== before) replays++;
        if (a.timeline !== before && a.timeline.snapshot && a.timeline.snapshot === before.snapshot) resumed++;
        assert.deepStrictEqual(observable(a), observable(analyzeFolder(input())), `${file} after ${n} characters`);
        // now and then, as its own edit, one that keeps effects in an earlier file (re-resolved while the
        // snapshot is kept)
        const early = names[3 + (step % 5)];
        if (step % 4 === 1 || step % 4 === 3) {
          current.set(early, step % 4 === 1 ? files.get(early)! + `\nselect * from public.brains_x, public.vectors, public.vectors_2;\n` : files.get(early)!);
          a = reanalyzeFolder(a, input(), cache);
          assert.deepStrictEqual(observable(a), observable(analyzeFolder(input())), `${early} while typing in ${file}`);
        }
      }
    }
    // the first replay in each file starts at the top and keeps the snapshot; the others resume from it
    assert.ok(replays >= 6 && resumed >= replays - 2 * typed.length, `replays ${replays}, resumed from the snapshot ${resumed}`);
  });

  // Found by review: each was a divergence once. "-- x" appended = an edit that keeps effects (fast path).
  const F1 = '20240101000000_a.sql';
  const F2 = '20240102000000_b.sql';
  const F3 = '20240103000000_c.sql';
  // a migration before the others that none of the edits below can change the findings of
  const F0 = '20231201000000_0.sql';
  const UNRELATED = 'create table public.unrelated (id bigint primary key, note text);\nselect * from public.unrelated;\n';
  /** States of F0–F3: F0 unrelated, F1 and F2 fixed, the last migration (F3) going through `last`. */
  const lastFileStates = (fixed: Record<string, string>, last: string[]): Record<string, string>[] => last.map((t) => ({ [F0]: UNRELATED, ...fixed, [F3]: t }));
  const ORDERS = 'create table public.orders (id bigint primary key, customer_id bigint);\n';
  const CUSTOMERS = 'create table public.customers (id bigint primary key);\n';
  const ADD_FK = 'alter table public.orders add foreign key (customer_id) references public.customers (id);\n';
  const [Z, Y, W] = ['z', 'y', 'w'].map((t) => `create table public.${t} (id int);\n`);
  const DO_FK = 'do $$ begin\n  create table public.a (id int primary key, b_id int references public.b);\n  create table public.b (id int primary key);\nend $$;\n';
  const ELEMENTS = 'create schema s create table a (id int, b_id int references b) create table b (id int primary key);\n';
  const EDGE_CASES: [string, Record<string, string>[]][] = [
    // references a CREATE uses are resolved during its creations, not after them
    ['an index named like its missing table', [{ [F1]: 'create index t on t (id);\n' }, { [F1]: 'create index t on t (id);\n-- x\n' }]],
    ['a foreign key to a table a later CREATE of the same DO block makes', [{ [F1]: DO_FK }, { [F1]: DO_FK + '-- x\n' }]],
    ['CREATE SCHEMA with elements in an order Postgres does not need', [
      { [F1]: ELEMENTS, [F2]: '' },
      { [F1]: ELEMENTS, [F2]: 'create table public.z (id int);\n' },
      { [F1]: ELEMENTS, [F2]: 'create table s.b2 (id int);\n' },
      { [F1]: ELEMENTS + '-- x\n', [F2]: 'create table s.b2 (id int);\n' },
    ]],
    // a record's creator changes after the replay logged it (an overload of a platform function)
    ['an overload of a dropped platform function', [
      { [F1]: 'drop function extensions.gen_salt(text);\n', [F2]: "select extensions.gen_salt('bf', 8);\n", [F3]: 'create function extensions.gen_salt(a int) returns text language sql as $$ select 1::text $$;\n' },
      { [F1]: 'drop function extensions.gen_salt(text);\n', [F2]: "select extensions.gen_salt('bf', 8);\n-- x\n", [F3]: 'create function extensions.gen_salt(a int) returns text language sql as $$ select 1::text $$;\n' },
    ]],
    ['a renamed platform function, overloaded later, through a snapshot', [
      { [F1]: 'alter function auth.uid() rename to uid2;\n', [F2]: 'select auth.uid2();\n', [F3]: '' },
      { [F1]: 'alter function auth.uid() rename to uid2;\n', [F2]: 'select auth.uid2();\n', [F3]: 'create function auth.uid2(a int) returns uuid language sql as $$ select null::uuid $$;\n' },
      { [F1]: 'alter function auth.uid() rename to uid2;\n', [F2]: 'select auth.uid2();\n', [F3]: 'create table public.z (id int);\n' },
      { [F1]: 'alter function auth.uid() rename to uid2;\n', [F2]: 'select auth.uid2();\n-- x\n', [F3]: 'create table public.z (id int);\n' },
    ]],
    // replays resumed from one snapshot share its event logs: what one logged must not outlive the next
    ['a table created by one resumed replay and not by the next, then a fast edit that uses it', [
      { [F1]: 'create table public.a (id int);\n', [F2]: 'create table public.x (id int);\n', [F3]: 'select * from public.y;\n' },
      { [F1]: 'create table public.a (id int);\n', [F2]: 'create table public.x (id int);\ncreate table public.z (id int);\n', [F3]: 'select * from public.y;\n' },
      { [F1]: 'create table public.a (id int);\n', [F2]: 'create table public.y (id int);\n', [F3]: 'select * from public.y;\n' },
      { [F1]: 'create table public.a (id int);\n', [F2]: 'create table public.w (id int);\n', [F3]: 'select * from public.y;\n' },
      { [F1]: 'create table public.a (id int);\n', [F2]: 'create table public.w (id int);\n', [F3]: 'select * from public.y;\n-- x\n' },
    ]],
    // a later migration's CREATE POLICY / INDEX is replayed with its table resolved elsewhere
    ['a policy and an index whose table an earlier edit moves to another schema', [
      { [F1]: 'create table extensions.t (id int);\n', [F2]: '', [F3]: 'create policy p on t using (true);\ncreate index t_id on t (id);\n' },
      { [F1]: 'create table extensions.t (id int);\n', [F2]: 'create table public.t (id int);\n', [F3]: 'create policy p on t using (true);\ncreate index t_id on t (id);\n' },
      { [F1]: 'create table extensions.t (id int);\n', [F2]: '', [F3]: 'create policy p on t using (true);\ncreate index t_id on t (id);\n' },
    ]],
    // rename plans reserve their versions for the files after them: a typing edit (fast path) in an earlier
    // file that starts, then stops, needing a plan moves a later file's plan
    ['two migrations that must move after the same one, the earlier one typed into', [
      { [F1]: 'select 1;\n', [F2]: 'create view public.v2 as select id from public.t;\n', [F3]: 'create table public.t (id int);\n' },
      { [F1]: 'select id from public.t;\n', [F2]: 'create view public.v2 as select id from public.t;\n', [F3]: 'create table public.t (id int);\n' },
      { [F1]: 'select 2;\n', [F2]: 'create view public.v2 as select id from public.t;\n', [F3]: 'create table public.t (id int);\n' },
    ]],
    // the first statement of the first file, re-resolved after a resumed replay
    ['the very first statement uses what a later migration creates', [
      { [F1]: 'drop index i1;\ncreate index i2 on public.t1 (id);\n', [F2]: 'create table public.t1 (id int);\ncreate index i1 on public.t1 (id);\n', [F3]: '' },
      { [F1]: 'create index i2 on public.t1 (id);\ndrop index i1;\n', [F2]: 'create table public.t1 (id int);\ncreate index i1 on public.t1 (id);\n', [F3]: '' },
      { [F1]: 'create index i2 on public.t1 (id);\ndrop index i1;\n', [F2]: 'create table public.t1 (id int);\ncreate index i1 on public.t1 (id);\n', [F3]: 'create table public.z (id int);\n' },
      { [F1]: 'create index i2 on public.t1 (id);\ndrop index i1;\n', [F2]: 'create table public.t1 (id int);\ncreate index i1 on public.t1 (id);\n', [F3]: 'create table public.y (id int);\n' },
    ]],
    // a graph edge kept from the previous replay names its object as it is at the end, which a later edit changes
    ['an edge label after the last migration drops what an earlier one uses', [
      { [F1]: 'create function public.f() returns int language sql as $$ select 1 $$;\n', [F2]: 'select public.f();\n', [F3]: '' },
      { [F1]: 'create function public.f() returns int language sql as $$ select 1 $$;\n', [F2]: 'select public.f();\n', [F3]: 'create table public.z (id int);\n' },
      { [F1]: 'create function public.f() returns int language sql as $$ select 1 $$;\n', [F2]: 'select public.f();\n', [F3]: 'drop function public.f();\n' },
      { [F1]: 'create function public.f() returns int language sql as $$ select 1 $$;\n', [F2]: 'select public.f();\n', [F3]: 'create table public.y (id int);\n' },
    ]],
    // After the first resumed replay, the next ones from the same snapshot re-run the rules only where either
    // replay can have changed a finding: these are findings before the replayed migration that still change.
    ['a column before the replayed migration gets, then loses, the table its name points at', lastFileStates(
      { [F1]: ORDERS, [F2]: 'select 1;\n' },
      ['', Z, CUSTOMERS, Y, CUSTOMERS],
    )],
    ['a foreign key that the replayed migration adds to, then drops from, an earlier column', lastFileStates(
      { [F1]: CUSTOMERS + ORDERS, [F2]: '' },
      ['', Z, ADD_FK, Y, 'alter table public.orders drop column customer_id;\n', Y],
    )],
    ['the table an earlier column points at, dropped with its schema by the replayed migration', lastFileStates(
      { [F1]: 'create schema app;\ncreate table app.customers (id bigint primary key);\ncreate table app.orders2 (id int);\n', [F2]: ORDERS },
      ['', Z, Y, 'drop schema app cascade;\n', W, 'drop schema app cascade;\n'],
    )],
    ['an unknown table an earlier migration uses, created and removed again by the replayed migration', lastFileStates(
      { [F1]: 'select * from public.t;\n', [F2]: '' },
      ['', Z, 'create table public.t (id int);\n', Y, 'create table public.t (id int);\n'],
    )],
    // the replay that takes the snapshot changes the earlier table in place (no copy): the next one, resumed
    // from the snapshot, must still see that table as changed
    ['a foreign key typed into the replayed migration first, by the replay that takes the snapshot', lastFileStates(
      { [F1]: CUSTOMERS + ORDERS, [F2]: '' },
      ['', ADD_FK, Z, ADD_FK, Y],
    )],
    // a rename the dependency graph blocks is proven by replaying the folder reordered: an edit of another
    // migration that leaves the moved one's graph as it is changes the verdict (both ways)
    ['a blocked rename whose proof changes with edits of the other migrations', [
      { [F1]: 'create table public.t2 (id int, t1_id int references public.t1 (id));\ncreate or replace function public.f() returns int language sql as $$ select 1 $$;\n', [F2]: 'create table public.t1 (id int primary key);\ncreate or replace function public.f() returns int language sql as $$ select 2 $$;\ngrant execute on function public.f() to public;\n', [F3]: '' },
      { [F1]: 'create table public.t2 (id int, t1_id int references public.t1 (id));\ncreate or replace function public.f() returns int language sql as $$ select 1 $$;\n', [F2]: 'create table public.t1 (id int primary key);\ncreate or replace function public.f() returns int language sql as $$ select 2 $$;\ngrant execute on function public.f() to public;\n', [F3]: 'create table public.t2 (id int);\n' },
      { [F1]: 'create table public.t2 (id int, t1_id int references public.t1 (id));\ncreate or replace function public.f() returns int language sql as $$ select 1 $$;\n', [F2]: 'create table public.t1 (id int primary key);\ncreate or replace function public.f() returns int language sql as $$ select 2 $$;\ngrant execute on function public.f() to public;\n', [F3]: 'select 1;\n' },
      { [F1]: 'create table public.t2 (id int, t1_id int references public.t1 (id));\ncreate or replace function public.f() returns int language sql as $$ select 1 $$;\n', [F2]: 'create table public.t1 (id int primary key);\ncreate or replace function public.f() returns int language sql as $$ select 2 $$;\ngrant execute on function public.f() to public;\nselect 3;\n', [F3]: 'select 1;\n' },
      { [F1]: 'create table public.t2 (id int, t1_id int references public.t1 (id));\ncreate or replace function public.f() returns int language sql as $$ select 1 $$;\n', [F2]: 'create table public.t1 (id int primary key);\ncreate or replace function public.f() returns int language sql as $$ select 2 $$;\ngrant execute on function public.f() to public;\nselect 3;\n', [F3]: 'create table public.t2 (id int);\n' },
      { [F1]: 'create table public.t2 (id int, t1_id int references public.t1 (id));\ncreate or replace function public.f() returns int language sql as $$ select 1 $$;\n', [F2]: 'create table public.t1 (id int primary key);\ncreate or replace function public.f() returns int language sql as $$ select 2 $$;\ngrant execute on function public.f() to public;\nselect * from public.t2;\n', [F3]: 'select 1;\n' },
      { [F1]: 'create table public.t2 (id int, t1_id int references public.t1 (id));\ncreate or replace function public.f() returns int language sql as $$ select 1 $$;\n', [F2]: 'create table public.t1 (id int primary key);\ncreate or replace function public.f() returns int language sql as $$ select 2 $$;\ngrant execute on function public.f() to public;\nselect 4;\n', [F3]: 'select 1;\n' },
    ]],
    // a finding that holds only because a failing migration's objects exist is folded into its error: the
    // error comes and goes with edits of that migration while the consequence's own file is unchanged
    ['a duplicate of what a migration that fails and then does not creates', [
      { [F1]: 'create table public.u (id int);\nselect * from public.missing;\n', [F2]: 'create table public.u (id int);\n', [F3]: '' },
      { [F1]: 'create table public.u (id int);\nselect 1;\n', [F2]: 'create table public.u (id int);\n', [F3]: '' },
      { [F1]: 'create table public.u (id int);\nselect * from public.missing;\n', [F2]: 'create table public.u (id int);\n', [F3]: '' },
      { [F1]: 'create table public.u (id int);\nselect * from public.missing;\n', [F2]: 'create table public.u (id int);\n', [F3]: 'create table public.u (id int);\n' },
      { [F1]: 'create table public.u (id int);\nselect * from public.missing;\n', [F2]: 'create table if not exists public.u (id int);\n', [F3]: 'create table public.u (id int);\n' },
    ]],
    ['a duplicate CREATE names the table as a replayed migration renames it', lastFileStates(
      { [F1]: 'create table public.x (id int);\n', [F2]: 'create table public.x (id int);\n' },
      ['', Z, Y, 'alter table public.x rename to y;\n', W, 'alter table public.x rename to y;\n'],
    )],
  ];
  for (const [title, states] of EDGE_CASES) {
    it(`equals a fresh analysis: ${title}`, async () => {
      const counts = await sequence(title, states);
      // (the sequences above edit what the last migration creates: replays resumed from one snapshot)
      // (and the rules ran again on some of the migrations only, F0 not among them)
      // (the analysis keeps a snapshot before the last migration: even the first of these edits resumes)
      if (/replayed migration/.test(title)) assert.ok(counts.full === 0 && counts.resumed === states.length - 1 && counts.scoped >= states.length - 2, `${title}: ${JSON.stringify(counts)}`);
    });
  }

  it('does not change the platform catalog that every analysis shares', async () => {
    await initParser();
    const mk = (folder: string, text: string) => ({ folder, entries: [{ name: F1, isDirectory: false }], files: new Map([[F1, { text }]]), config: {} });
    const victim = 'drop function auth.uid();\nselect auth.uid();\n';
    const before = observable(analyzeFolder(mk('v', victim)));
    // a live copy of a platform function gains an overload from an extension's catalog
    analyzeFolder(mk('p', 'alter function auth.uid() rename to dblink;\ncreate extension dblink with schema auth;\n'));
    assert.deepStrictEqual(observable(analyzeFolder(mk('v', victim))), before);
  });

  it('equals a fresh analysis on random edits of folders of tricky statements (renames, cascades, extensions, overloads, search paths)', async () => {
    const stats = { fast: 0, resumed: 0, full: 0 };
    for (let seed = 1; seed <= 24; seed++) {
      const r = rng(seed);
      const pick = () => POOL[Math.floor(r() * POOL.length)];
      const names = Array.from({ length: 5 }, (_, i) => `2024010${i + 1}000000_m${i}.sql`);
      const first: Record<string, string> = {};
      for (const n of names) first[n] = Array.from({ length: 1 + Math.floor(r() * 6) }, pick).join('\n') + '\n';
      const states = [first];
      for (let step = 0; step < 25; step++) {
        const next = { ...states[states.length - 1] };
        const f = names[Math.floor(r() * names.length)];
        const lines = next[f].split('\n');
        const k = r();
        if (k < 0.1) next[f] = first[f];
        else if (k < 0.85) {
          if (k < 0.45) lines.splice(Math.floor(r() * (lines.length + 1)), 0, pick());
          else if (k < 0.6 && lines.length > 1) lines.splice(Math.floor(r() * lines.length), 1);
          else if (k < 0.75) lines.splice(Math.floor(r() * (lines.length + 1)), 0, r() < 0.5 ? '-- ünïcödé 🚀 x' : '');
          else lines.push(pick());
          next[f] = lines.join('\n');
        } else {
          const i = Math.floor(r() * next[f].length);
          next[f] = next[f].slice(0, i) + (r() < 0.5 ? ' ' : '\n') + next[f].slice(i);
        }
        states.push(next);
      }
      const s = await sequence(`seed ${seed}`, states);
      stats.fast += s.fast;
      stats.resumed += s.resumed;
      stats.full += s.full;
    }
    assert.ok(stats.fast > 50 && stats.resumed > 20 && stats.full > 20, JSON.stringify(stats));
  });

  it('keeps the unchanged analysis when nothing changed, and starts over for another configuration', async () => {
    await initParser();
    const files = new Map([['20240101000000_a.sql', { text: 'create table public.a (id int primary key);\nselect * from public.b;\n' }]]);
    const entries = [{ name: '20240101000000_a.sql', isDirectory: false }];
    const cache: FactsCache = new Map();
    const config = {};
    const a = analyzeFolder({ folder: 'm', entries, files, config }, cache);
    assert.equal(reanalyzeFolder(a, { folder: 'm', entries, files, config }, cache), a);
    const b = reanalyzeFolder(a, { folder: 'm', entries, files, config: { rules: { 'unknown-reference': 'off' as const } } }, cache);
    assert.equal(b.incremental, undefined);
    assert.equal(b.findings.filter((f) => f.code === 'unknown-reference').length, 0);
  });

  it('the same text with invalid UTF-8 behind it (an editor buffer closed over such a file): the finding comes and goes', async () => {
    await initParser();
    const A = '20240101000000_a.sql';
    const entries = [{ name: A, isDirectory: false }];
    const cache: FactsCache = new Map();
    const config = {};
    // what an editor shows for the bytes `select 1; -- \xff`, and what reading the file gives
    const text = 'select 1; -- \ufffd\n';
    const input = (invalidUtf8At?: number) => ({ folder: '/m', entries, files: new Map([[A, { text, invalidUtf8At }]]), config });
    const open = analyzeFolder(input(), cache);
    assert.deepEqual(open.findings.map((f) => f.code), []);
    const closed = reanalyzeFolder(open, input(13), cache);
    assert.deepStrictEqual(observable(closed), observable(analyzeFolder(input(13))));
    assert.deepEqual(closed.findings.map((f) => f.code), ['invalid-encoding']);
    const reopened = reanalyzeFolder(closed, input(), cache);
    assert.deepStrictEqual(observable(reopened), observable(analyzeFolder(input())));
  });

  it('another search path or other foreign-key patterns: facts are extracted again, not taken from the cache', async () => {
    await initParser();
    const A = '20240101000000_a.sql';
    const entries = [{ name: A, isDirectory: false }];
    const files = new Map([[A, { text: 'create table public.t (id int primary key, owner_ref int);\nselect * from nothing_here;\n' }]]);
    const cache: FactsCache = new Map();
    const configs: EngineConfig[] = [{ searchPath: ['private'] }, {}, { foreignKeyPatterns: ['^(.+)_ref$'] }, { searchPath: ['private'] }];
    let a = analyzeFolder({ folder: '/m', entries, files, config: configs[0] }, cache);
    for (const config of configs.slice(1)) {
      a = reanalyzeFolder(a, { folder: '/m', entries, files, config }, cache);
      assert.deepStrictEqual(observable(a), observable(analyzeFolder({ folder: '/m', entries, files, config })), JSON.stringify(config));
    }
    // and a new analysis (the server reads a folder again after its config file changed) with a filled cache
    const fresh = analyzeFolder({ folder: '/m', entries, files, config: {} }, cache);
    assert.match(fresh.findings.find((f) => f.code === 'unknown-reference')!.message, /search path \(public, extensions\)/);
  });

  it('re-analysing an older result (one already re-analysed since, which changed it in place) equals a fresh analysis', async () => {
    await initParser();
    const A = '20240101000000_a.sql';
    const B = '20240102000000_b.sql';
    const cache: FactsCache = new Map();
    const config = {};
    const mk = (s: Record<string, string>) => stateInput('/m', s, config);
    const s0 = { [A]: 'create table public.a (id int primary key);\nselect * from public.a;\n', [B]: 'select * from public.a;\n' };
    const s1 = { ...s0, [A]: '-- comment\n\ncreate table public.a (id int primary key);\nselect * from public.nope;\n' };
    const s2 = { ...s0, [B]: 'select * from public.a;\nselect 1;\n' };
    const a = analyzeFolder(mk(s0), cache);
    assert.ok(reanalyzeFolder(a, mk(s1), cache).incremental, 'the first step takes the fast path (it rebases a\'s facts)');
    // A's text is a's again, but a's facts and timeline were changed by the step above
    const c = reanalyzeFolder(a, mk(s2), cache);
    assert.deepStrictEqual(observable(c), observable(analyzeFolder(mk(s2))));
  });

  it('reuses the discovery while the entries are the same, and notices entries that change it', async () => {
    await initParser();
    const A = '20240101000000_a.sql';
    const B = '20240102000000_b.sql';
    const files = new Map([
      [A, { text: 'create table public.a (id int primary key);\n' }],
      [B, { text: 'select * from public.a;\n' }],
    ]);
    const config = {};
    const cache: FactsCache = new Map();
    const entries = [A, B].map((name) => ({ name, isDirectory: false }));
    let a = analyzeFolder({ folder: 'm', entries, files, config }, cache);
    // an entry that is no migration: the same discovery, the analysis is kept (with the new entries)
    const withReadme = [...entries, { name: 'README.md', isDirectory: false }];
    const kept = reanalyzeFolder(a, { folder: 'm', entries: withReadme, files, config }, cache);
    assert.equal(kept.discovery, a.discovery);
    assert.deepEqual(kept.entries.map((e) => e.name), [A, B, 'README.md']);
    // the caller changing its array afterwards does not change what the analysis compares with
    withReadme.pop();
    assert.equal(kept.entries.length, 3);
    // an edit after it is incremental
    files.set(B, { text: 'select * from public.a;\nselect * from public.b;\n' });
    a = reanalyzeFolder(kept, { folder: 'm', entries: [...entries, { name: 'README.md', isDirectory: false }], files, config }, cache);
    assert.ok(a.incremental);
    assert.deepEqual(a.findings.map((f) => f.code), ['unknown-reference']);
    // an entry that is a migration, same texts otherwise: a new discovery and a full analysis that sees it
    files.set('20240103000000_c.sql', { text: 'create table public.b (id int);\n' });
    const c = reanalyzeFolder(a, { folder: 'm', entries: [...entries, { name: '20240103000000_c.sql', isDirectory: false }], files, config }, cache);
    assert.equal(c.incremental, undefined);
    assert.notEqual(c.discovery, a.discovery);
    assert.deepEqual(c.findings.map((f) => f.code), ['forward-reference']);
  });
});
