/**
 * The command line's streamed analysis (`checkFolder`: each file read, extracted and replayed in turn, then
 * pruned) must report exactly what `analyzeFolder` reports: findings with their fixes and rename plans,
 * every reference that did not resolve, the state of every object, and the dependency graph. Every rules
 * fixture checks this too (test/support/analyze.ts); here: real folders, a generated one, and random
 * folders of hard statements. And it must really keep less: no texts, no resolved references' facts.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeFolder, checkFolder, FileContent, FolderInput } from '../../server/src/engine/analyze';
import { initParser } from '../../server/src/engine/parser';
import { generateMigrations, rng } from '../../bench/generate';
import { observable } from '../support/observable';
import { TRICKY_STATEMENTS } from '../support/tricky';

const CORPUS = path.resolve(__dirname, '../corpus');

function folderInput(files: Map<string, string>): FolderInput {
  const contents = new Map<string, FileContent>([...files].map(([n, text]) => [n, { text }]));
  return { folder: 'supabase/migrations', entries: [...files.keys()].map((name) => ({ name, isDirectory: false })), files: contents, config: {} };
}

function loadFolder(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const n of readdirSync(dir).sort()) if (n.endsWith('.sql')) out.set(n, readFileSync(path.join(dir, n), 'utf8'));
  return out;
}

function assertSame(name: string, files: Map<string, string>): void {
  const input = folderInput(files);
  assert.deepStrictEqual(observable(checkFolder(input), 'unresolved'), observable(analyzeFolder(input), 'unresolved'), name);
}

describe('checkFolder (streamed, for the command line)', function () {
  this.timeout(300_000);
  before(() => initParser());

  it('equals analyzeFolder on the corpus folders, the bundled example and a generated workspace', () => {
    const corpus = readdirSync(CORPUS).filter((d) => !d.includes('.'));
    assert.ok(corpus.length >= 5);
    for (const d of corpus) {
      const dir = path.join(CORPUS, d, 'supabase', 'migrations');
      assertSame(d, loadFolder(readdirSync(dir).length ? dir : path.join(CORPUS, d)));
    }
    assertSame('seed', loadFolder(path.resolve(__dirname, '../../examples/seed/supabase/migrations')));
    const ws = generateMigrations(150, { seed: 11 });
    assertSame('generated', ws.files);
  });

  it('equals analyzeFolder on random folders of renames, cascades, extensions, overloads and search paths', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const r = rng(seed);
      const files = new Map<string, string>();
      for (let i = 0; i < 6; i++) {
        const lines = Array.from({ length: 1 + Math.floor(r() * 8) }, () => TRICKY_STATEMENTS[Math.floor(r() * TRICKY_STATEMENTS.length)]);
        files.set(`2024010${i + 1}000000_m${i}.sql`, lines.join('\n') + '\n');
      }
      assertSame(`seed ${seed}`, files);
    }
  });

  it('keeps, for the graph, a use outside a function body after one inside it', () => {
    const files = new Map([
      ['20240101000000_a.sql', 'create table public.t (id int primary key);\n'],
      ['20240102000000_b.sql', 'create function public.f() returns void language plpgsql as $$ begin perform 1 from public.t; end $$;\nselect * from public.t;\n'],
    ]);
    assertSame('deferred first', files);
    const g = checkFolder(folderInput(files)).graph;
    assert.deepStrictEqual(g.edges.map((e) => [e.from, e.to, e.deferred]), [[1, 0, false]]);
  });

  it('settles a use of a policy by the names it was looked up under then, not by its table at the end', () => {
    assertSame(
      'policy before its table',
      new Map([
        ['20240101000000_a.sql', 'alter policy p on t using (true);\ndrop trigger tr on t;\n'],
        ['20240102000000_b.sql', 'create table public.t (id int);\ncreate policy p on t using (true);\n'],
      ]),
    );
  });

  it('does not fail on a CREATE TABLE with a primary key inside a PL/pgSQL body (found by fuzzing)', () => {
    assertSame('table in a body', new Map([['20240101000000_a.sql', 'create function f() returns void language plpgsql as $$ begin create table x (id int primary key); end $$;\ncreate procedure p() language plpgsql as $$ begin create temp table y (id int, primary key (id)); end $$;\n']]));
  });

  it('keeps no text and no resolved reference once a file is replayed', () => {
    const ws = generateMigrations(40, { seed: 5 });
    const input = folderInput(ws.files);
    const whole = analyzeFolder(input);
    const streamed = checkFolder(input);
    assert.ok(whole.timeline.refs.flat().length > 1000);
    // what stays: the references that did not resolve, and one per object of another migration used
    const kept = streamed.timeline.refs.flat();
    assert.ok(kept.length < whole.timeline.refs.flat().length / 3, `${kept.length} references kept`);
    for (const f of streamed.facts) for (const st of f.statements) assert.equal(st.refs.length + st.effects.length, 0);
    assert.ok(streamed.inputs.every((i) => i.text === ''));
    assert.equal(streamed.facts[0].lineIndex.lineText(0), '');
    assert.notEqual(whole.facts[0].lineIndex.lineText(0), '');
  });

  it('keeps the text of a file with NUL bytes or invalid UTF-8, for its finding', () => {
    const input = folderInput(new Map([['20240101000000_a.sql', 'select 1;\u0000\n']]));
    (input.files as Map<string, FileContent>).set('20240102000000_b.sql', { text: 'select 2;\n', invalidUtf8At: 3 });
    input.entries.push({ name: '20240102000000_b.sql', isDirectory: false });
    const a = checkFolder(input);
    assert.deepStrictEqual(a.findings.map((f) => f.code), ['invalid-encoding', 'invalid-encoding']);
    assert.deepStrictEqual(observable(a, 'unresolved'), observable(analyzeFolder(input), 'unresolved'));
  });
});
