/**
 * Output injection (issue #20, item 3): a migrations folder whose file names, quoted identifiers and comments
 * hold terminal control sequences, line breaks that start CI workflow commands, bidi overrides and very long
 * lines, run through the bundled CLI (dist/cli.js, built by `npm test` first) in every format. Nothing user
 * written may reach the output raw: no control character but the line breaks between lines, no line a CI
 * runner reads as a command but our own annotations, source lines cut to a width with the caret in place.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { formatVerify } from '../../server/src/cli/reporters/verify';
import type { Analysis } from '../../server/src/engine/analyze';
import { fixToCodeAction, toDiagnostic } from '../../server/src/lsp/adapters';
import { logLine, markdownCode, printable, printableJson, SOURCE_LINE_WIDTH, sourceExcerpt } from '../../server/src/printable';
import type { VerifyResult } from '../../server/src/verify/run';
import { analyzeFiles } from '../support/analyze';
import { HOSTILE_FILES, hostileProject, LONG_LINE_TARGETS, rawControl } from '../support/hostile';
import { assertValidSarif } from '../support/sarifSchema';

const CLI = path.resolve(__dirname, '../../dist/cli.js');

function run(args: string[], cwd: string, env: Record<string, string> = {}) {
  const e: Record<string, string | undefined> = { ...process.env, ...env };
  if (!('NO_COLOR' in env)) delete e.NO_COLOR;
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000, env: e });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Our own colours (`--color`): SGR sequences, which the text reporter alone writes. */
const OUR_SGR = /\u001b\[(?:0|1|2|32|1;3[1-6])m/g;

function assertNoRawControl(out: string, what: string): void {
  const hit = rawControl(out);
  assert.equal(hit, undefined, `${what}: raw control character ${hit}`);
}

/** No line a CI runner reads as a command: `::` at its start (GitHub), `##[`/`##vso[` anywhere (GitHub's legacy form, Azure). */
function assertNoWorkflowCommand(lines: string[], what: string): void {
  for (const l of lines) {
    assert.ok(!/^\s*::/.test(l), `${what}: a line starts with "::": ${JSON.stringify(l.slice(0, 120))}`);
    assert.ok(!/##[A-Za-z]*\[/.test(l), `${what}: a line holds "##[": ${JSON.stringify(l.slice(0, 120))}`);
  }
}

describe('output injection: hostile names and contents in every output', function () {
  this.timeout(120_000);
  let root: string;
  let mig: string;
  let findings: { file: string; code: string; message: string }[];

  before(() => {
    root = hostileProject();
    mig = path.join(root, 'supabase', 'migrations');
    const r = run(['check', '.', '--format', 'json'], root);
    findings = JSON.parse(r.stdout).diagnostics;
    assert.ok(findings.length >= 16, `the hostile folder has its findings (${findings.length})`);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  for (const [label, args, env] of [
    ['text (default, piped)', [], {}],
    ['text --no-color', ['--no-color'], {}],
    ['text --color', ['--color'], {}],
    ['text, NO_COLOR', [], { NO_COLOR: '1' }],
  ] as [string, string[], Record<string, string>][]) {
    it(`${label}: escaped, one line per finding, no workflow command, source lines cut with the caret in place`, () => {
      for (const cwd of [root, mig]) {
        const r = run(['check', '.', ...args], cwd, env);
        assert.equal(r.code, 1, r.stderr);
        assert.equal(r.stderr, '');
        const colored = args.includes('--color');
        const out = colored ? r.stdout.replace(OUR_SGR, '') : r.stdout;
        if (!colored) assert.ok(!r.stdout.includes('\u001b'), `${label}: an ESC in uncoloured output: ${rawControl(r.stdout)}`);
        assertNoRawControl(out, label);
        const lines = out.replace(/\n$/, '').split('\n');
        assertNoWorkflowCommand(lines, `${label} in ${path.relative(root, cwd) || '.'}`);
        // a finding is one head line (not indented); frames, related places and fixes are indented; then the summary
        assert.equal(lines.filter((l) => !l.startsWith(' ')).length, findings.length + 1, 'one head line per finding, and the summary');
        assert.match(out, /\\x1b\[31mred\\x07\.sql/, 'a file name with ESC and BEL, escaped');
        assert.match(out, /relation public\."x\\n::error file=a\.sql::pwned" does not exist/, 'a newline in a quoted identifier, escaped');
        assert.match(out, /nothing_here; \/\* \\x1b\]0;title\\x07 \\x1b\[2J\\x1b\[H cleared #\\x23\[error\]pwned \\x9b31m \\u202eTXET $/m, 'a comment in a code frame (to the CR, a line break)');
        assert.match(out, /relation public\."del\\x7f nel\\x85 csi\\x9b2J rlo\\u202e lri\\u2066 ls\\u2028 cr\\r::error::x" does not exist/, 'DEL, C1, bidi, separators and CR in an identifier');
        assert.match(out, /= fix: rename 20240101000007_h\\x1b\]0;x\\x07\.sql → /, 'a file name in a rename');
        assert.match(out, /= public\.a\\x1b\]0;pwned\\x07b was dropped here: /, 'an identifier in a related message');
        if (cwd === mig) assert.match(out, /^\\x3a:error file=x\.sql,line=1::pwned\.sql:1:1: /m, 'a file name starting with "::", escaped at the start of a line');

        // code frames: the source part of each line fits the width, the caret is under the range
        const targets: string[] = [];
        for (let i = 0; i < lines.length; i++) {
          const m = /^( {2}\d+ \| )(.*)$/.exec(lines[i]);
          if (!m) continue;
          assert.ok([...m[2]].length <= SOURCE_LINE_WIDTH, `a source line of ${[...m[2]].length} columns: ${m[2].slice(0, 80)}…`);
          const caret = /^( +\| )( *)(\^+)$/.exec(lines[i + 1]);
          assert.ok(caret && caret[1].length === m[1].length, `a caret line follows: ${lines[i + 1]}`);
          targets.push(m[2].slice(caret[2].length, caret[2].length + caret[3].length));
        }
        for (const t of LONG_LINE_TARGETS) assert.ok(targets.includes(t), `a caret under ${t} (underlined: ${JSON.stringify(targets)})`);
      }
    });
  }

  it('github: exactly one annotation line per finding, escaped as the runner unescapes, and the summary', () => {
    for (const cwd of [root, mig]) {
      const r = run(['check', '.', '--format', 'github'], cwd);
      assert.equal(r.code, 1, r.stderr);
      assertNoRawControl(r.stdout, 'github');
      const lines = r.stdout.replace(/\n$/, '').split('\n');
      const annotations = lines.filter((l) => /^\s*::/.test(l));
      assert.equal(annotations.length, findings.length, 'one annotation per finding');
      assert.deepEqual(lines.filter((l) => !/^\s*::/.test(l)), [lines[lines.length - 1]], 'nothing but the annotations and the summary');
      assert.match(lines[lines.length - 1], /^supabase-migrations: \d+ error\(s\), \d+ warning\(s\)$/);
      const props: string[] = [];
      for (const a of annotations) {
        const m = /^::(error|warning|notice) (file=[^,:]*),line=\d+,col=\d+,endLine=\d+(?:,endColumn=\d+)?,title=[a-z-]+::(.*)$/.exec(a);
        assert.ok(m, `an annotation as the runner parses it: ${a}`);
        assert.ok(!m[3].includes('%0A') && !m[3].includes('%0D'), `a message on one line: ${m[3]}`);
        // the runner's own unescaping of a property
        props.push(m[2].slice('file='.length).replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%'));
      }
      const rel = (name: string) => path.relative(cwd, path.join(mig, name));
      assert.ok(props.includes(rel('20240101000003_a,b%25c::d.sql')), `a file name with "," "%" "::" read back exactly: ${props.join(' | ')}`);
      assert.ok(props.includes(rel('20240101000001_b\\x1b[31mred\\x07.sql')), 'a file name with ESC and BEL, escaped');
    }
  });

  it('json: the same names and messages (JSON escapes), no raw control character', () => {
    const r = run(['check', '.', '--format', 'json'], root);
    assertNoRawControl(r.stdout, 'json');
    const j = JSON.parse(r.stdout) as { migrations: { name: string }[]; diagnostics: { message: string }[] };
    assert.ok(j.migrations.some((m) => m.name === '20240101000001_b\x1b[31mred\x07.sql'), 'names as they are');
    assert.ok(j.diagnostics.some((d) => d.message.includes('"del\x7f nel\u0085 csi\u009b2J rlo\u202e lri\u2066 ls\u2028 cr\r::error::x"')), 'messages as they are');
    const g = run(['graph', '.', '--format', 'json'], root);
    assertNoRawControl(g.stdout, 'graph json');
    assert.ok((JSON.parse(g.stdout) as { nodes: { name: string }[] }).nodes.some((n) => n.name === '20240101000004_e\u202egnp.sql'));
  });

  it('graph text, dot and mermaid: names escaped, no workflow command', () => {
    for (const format of ['text', 'dot', 'mermaid']) {
      const r = run(['graph', '.', '--format', format], root);
      assert.equal(r.code, 0, r.stderr);
      assertNoRawControl(r.stdout, `graph ${format}`);
      assertNoWorkflowCommand(r.stdout.split('\n'), `graph ${format}`);
      assert.match(r.stdout, /20240101000001_b\\+x1b\[31mred\\+x07\.sql/, format);
    }
  });

  it('sarif: valid SARIF 2.1.0 (schema and formats), file names as URI references, no raw control character', () => {
    for (const [cwd, dir] of [
      [root, '.'],
      [path.resolve(__dirname, '../..'), 'examples/seed'],
    ]) {
      const r = run(['check', dir, '--format', 'sarif'], cwd);
      assert.equal(r.code, 1, r.stderr);
      assertNoRawControl(r.stdout, 'sarif');
      const sarif = JSON.parse(r.stdout) as { runs: { results: { message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
      assertValidSarif(sarif, `check ${dir} --format sarif`);
      if (dir !== '.') continue;
      const uris = sarif.runs[0].results.map((x) => x.locations[0].physicalLocation.artifactLocation.uri);
      assert.ok(uris.map(decodeURIComponent).includes('supabase/migrations/20240101000003_a,b%25c::d.sql'), uris.join(' | '));
      assert.ok(uris.map(decodeURIComponent).includes('supabase/migrations/20240101000001_b\x1b[31mred\x07.sql'));
      assert.ok(sarif.runs[0].results.some((x) => x.message.text.includes('"x\n::error file=a.sql::pwned"')), 'messages as they are');
    }
  });

  it("verify's SARIF (formatSarif with verify's rules and properties) is valid SARIF 2.1.0 too", async () => {
    const files = Object.fromEntries(Object.entries(HOSTILE_FILES).filter(([name]) => /^\d+_/.test(name)));
    const analysis: Analysis = await analyzeFiles(files);
    const result = {
      migrations: analysis.migrations.map((m) => ({ path: m.path, name: m.name, version: m.version, status: 'failed' as const, sqlstate: '42P01' })),
      findings: analysis.findings.map((f, i) => ({ ...f, code: i % 2 ? 'apply-error' : 'unindexed-foreign-key', severity: 'error' as const, message: `${f.message} \x1b[2J\u202e`, sqlstate: i % 2 ? '42P01' : undefined })),
      timings: { startMs: 1, applyMs: 1, snapshot: 'none', peakRssMb: 1, totalMs: 2, postgresVersion: '17.5' },
      raw: [],
    } as unknown as VerifyResult;
    const out = formatVerify('sarif', analysis, result, { displayPath: (p) => p, color: false, toolVersion: '0.0.0-test' }, () => '');
    assertNoRawControl(out, 'verify sarif');
    const sarif = JSON.parse(out) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number; properties?: { sqlstate: string } }[] }[] };
    assertValidSarif(sarif, 'verify --format sarif');
    const run0 = sarif.runs[0];
    for (const x of run0.results) assert.equal(run0.tool.driver.rules[x.ruleIndex].id, x.ruleId);
    assert.ok(run0.results.some((x) => x.properties?.sqlstate === '42P01'));
    for (const format of ['text', 'github', 'json']) assertNoRawControl(formatVerify(format, analysis, result, { displayPath: (p) => p, color: false, toolVersion: '0' }, (_, l) => HOSTILE_FILES['20240101000000_a.sql'].split('\n')[l] ?? ''), `verify ${format}`);
  });

  it("stderr: a usage or I/O error's message is escaped too", () => {
    const r = run(['check', path.join(root, 'no\x1b]0;pwned\x07where\n::error::x')], root);
    assert.equal(r.code, 2);
    assertNoRawControl(r.stderr, 'stderr');
    assertNoWorkflowCommand(r.stderr.split('\n'), 'stderr');
    const u = run(['check', '--format', 'x\x1b[2J\n::error::y'], root);
    assert.equal(u.code, 2);
    assertNoRawControl(u.stderr, 'stderr');
    assertNoWorkflowCommand(u.stderr.split('\n'), 'stderr');
  });
});

describe('output injection: the language server diagnostics (adapters)', () => {
  it('a diagnostic, its related messages and a quick fix title hold no control or bidi character', async () => {
    const files = Object.fromEntries(Object.entries(HOSTILE_FILES).filter(([name]) => /^\d+_/.test(name)));
    const analysis = await analyzeFiles(files);
    const hostile = analysis.findings.filter((f) => rawControl(f.message) || f.related.some((r) => rawControl(r.message)) || f.fixes.some((x) => rawControl(x.title)));
    assert.ok(hostile.length >= 3, 'the engine reports hostile text as it is');
    for (const f of hostile) {
      const d = toDiagnostic(f);
      assertNoRawControl(d.message, 'diagnostic');
      for (const r of d.relatedInformation ?? []) assertNoRawControl(r.message, 'related');
    }
    const rename = analysis.findings.find((f) => f.code === 'forward-reference')!;
    for (const x of rename.fixes) assertNoRawControl(fixToCodeAction(x, rename, () => null).title, 'quick fix');
  });
});

describe('printable (the one module for printing user text)', () => {
  it('escapes every control character, line break and bidi control, and nothing else', () => {
    assert.equal(printable('a\x1b]0;t\x07b\tc\r\nd\x7f\u0085\u009b\u202e\u2066\u2028é漢😀'), 'a\\x1b]0;t\\x07b\\tc\\r\\nd\\x7f\\x85\\x9b\\u202e\\u2066\\u2028é漢😀');
    assert.equal(printable('public.tenants (line 3)'), 'public.tenants (line 3)');
    assert.equal(printableJson(JSON.stringify({ a: '\x7f\u202e\n' }, null, 1)), '{\n "a": "\\u007f\\u202e\\n"\n}');
    assert.deepEqual(JSON.parse(printableJson(JSON.stringify('\u0085\u2028'))), '\u0085\u2028');
  });

  it('keeps a CI runner from reading a line as a command', () => {
    assert.equal(logLine('::error file=a::x'), '\\x3a:error file=a::x');
    assert.equal(logLine('  ::warning::x'), '  \\x3a:warning::x');
    assert.equal(logLine('\x1b[1m::error::x'), '\x1b[1m\\x3a:error::x', 'after our colours');
    assert.equal(logLine('a ##[error]x ##vso[task.setvariable]y ###[z]'), 'a #\\x23[error]x #\\x23vso[task.setvariable]y ##\\x23[z]');
    assert.equal(logLine('a: b :: c # [d] ## e'), 'a: b :: c # [d] ## e');
  });

  it('a short line is shown whole, a long one cut around the range, with the caret under it', () => {
    assert.deepEqual(sourceExcerpt('select\t* from t', 14, 15), { text: 'select * from t', caret: 14, caretWidth: 1 });
    assert.deepEqual(sourceExcerpt('x \x1b[2J y', 7, 8), { text: 'x \\x1b[2J y', caret: 10, caretWidth: 1 });
    assert.deepEqual(sourceExcerpt('ab', 5, 6), { text: 'ab', caret: 5, caretWidth: 1 }, 'past the end, as before');
    const shownAt = (line: string, start: number, end: number, width?: number) => {
      const e = sourceExcerpt(line, start, end, width);
      assert.ok([...e.text].length <= (width ?? SOURCE_LINE_WIDTH), `${[...e.text].length} columns`);
      return e.text.slice(e.caret, e.caret + e.caretWidth);
    };
    const long = 'a'.repeat(3000) + 'TARGET' + 'b'.repeat(3000);
    assert.equal(shownAt(long, 3000, 3006), 'TARGET');
    assert.equal(shownAt('TARGET' + 'b'.repeat(3000), 0, 6), 'TARGET');
    assert.equal(shownAt('b'.repeat(3000) + 'TARGET', 3000, 3006), 'TARGET');
    assert.equal(shownAt('\x1b'.repeat(3000) + 'TARGET' + '\u202e'.repeat(3000), 3000, 3006), 'TARGET');
    assert.equal(shownAt('😀'.repeat(1500) + 'TARGET' + '😀'.repeat(1500), 3000, 3006), 'TARGET');
    assert.equal(shownAt('c'.repeat(50) + 'x'.repeat(500), 50, 550, 100).replace(/x/g, ''), '', 'a range wider than the width: underlined to the cut');
    const e = sourceExcerpt('😀'.repeat(300), 301, 303, 50);
    assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(e.text), 'no surrogate pair is cut');
  });

  it('a Markdown code span holds any name', () => {
    assert.equal(markdownCode('public.t'), '`public.t`');
    assert.equal(markdownCode('a`b'), '``a`b``');
    assert.equal(markdownCode('`a``'), '``` `a`` ```');
    assert.equal(markdownCode('a|b', true), '`a\\|b`');
  });
});
