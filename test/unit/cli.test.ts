/** The bundled CLI (dist/cli.js, built by `npm test` first), run as a user would. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WASM_TIER_ENV } from '../../server/src/wasmTier';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const EXAMPLE = path.join(ROOT, 'examples/seed');

function run(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempProject(files: Record<string, string | Buffer>, dirs: string[] = []): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'sbm-cli-'));
  const mig = path.join(root, 'supabase', 'migrations');
  mkdirSync(mig, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(mig, name), content);
  for (const d of dirs) mkdirSync(path.join(mig, d));
  return root;
}

describe('CLI: the PostgreSQL version (--pg-version, supabase/config.toml, the config file)', () => {
  // valid in PostgreSQL 15, a syntax error from 17 on (JSON became a keyword)
  const files = { '20240101000000_json.sql': "create function json(x int) returns int language sql as $$ select x $$;\n" };
  const withToml = (toml: string | undefined) => {
    const root = tempProject(files);
    if (toml !== undefined) writeFileSync(path.join(root, 'supabase', 'config.toml'), toml);
    return root;
  };

  it('reads [db] major_version of supabase/config.toml and says so; --pg-version overrides it', () => {
    const root = withToml('[db]\nport = 54322\nmajor_version = 15\n');
    try {
      const r15 = run(['check', root]);
      assert.equal(r15.code, 0, r15.stdout + r15.stderr);
      assert.match(r15.stdout, /0 errors, 0 warnings in 1 migration, PostgreSQL 15 \(.*supabase\/config\.toml\)\n$/);
      const r17 = run(['check', root, '--pg-version', '17']);
      assert.equal(r17.code, 1);
      assert.match(r17.stdout, /error syntax-error: syntax error at or near "\(" \(PostgreSQL 17 grammar\)/);
      assert.match(r17.stdout, /PostgreSQL 17 \(--pg-version\)\n$/);
      const json = JSON.parse(run(['check', root, '--format', 'json']).stdout);
      assert.deepEqual({ ...json.postgres, source: undefined }, { version: 15, grammar: 15, source: undefined });
      assert.match(json.postgres.source, /supabase\/config\.toml$/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('every file is read with the project\'s grammar: a file the CLI skips (its creations are looked up) on a 15 project', () => {
    const root = tempProject({
      ...files,
      '20240102-profiles.sql': 'create table public.profiles (id uuid primary key);\n',
      '20240103000000_use.sql': 'select * from public.profiles;\n',
    });
    writeFileSync(path.join(root, 'supabase', 'config.toml'), '[db]\nmajor_version = 15\n');
    try {
      const r = run(['check', root, '--format', 'json']);
      assert.equal(r.code, 1, r.stdout + r.stderr);
      const found = JSON.parse(r.stdout).diagnostics.find((d: { code: string }) => d.code === 'unknown-reference');
      assert.match(found.message, /created only by 20240102-profiles\.sql, which the Supabase CLI skips/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('the config file\'s postgresVersion overrides config.toml; 14 is parsed with the 15 grammar', () => {
    const root = withToml('[db]\nmajor_version = 17\n');
    writeFileSync(path.join(root, 'supabase-migrations.json'), JSON.stringify({ postgresVersion: 14 }));
    try {
      const r = run(['check', root, '--format', 'json']);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.deepEqual({ ...JSON.parse(r.stdout).postgres, source: 'x' }, { version: 14, grammar: 15, source: 'x' });
      assert.match(run(['check', root]).stdout, /PostgreSQL 14 \(.*supabase-migrations\.json; parsed with the PostgreSQL 15 grammar\)\n$/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('no config.toml, or one without a usable major_version: the default (17), and what was ignored', () => {
    for (const toml of [undefined, '[api]\nport = 1\n', '[db]\nmajor_version = "15"\n']) {
      const root = withToml(toml);
      try {
        const r = run(['check', root, '--format', 'json']);
        assert.equal(r.code, 1, r.stdout + r.stderr);
        const { postgres } = JSON.parse(r.stdout);
        assert.equal(postgres.version, 17);
        assert.equal(postgres.source, 'default');
        assert.equal(postgres.ignored?.reason, toml?.includes('"15"') ? 'major_version = "15" is not a whole number' : undefined);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    }
  });

  it('--pg-version needs a major version', () => {
    for (const bad of ['abc', '9', '15.4']) {
      const r = run(['check', EXAMPLE, '--pg-version', bad]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /--pg-version needs a PostgreSQL major version/);
    }
  });
});

describe('CLI: check', () => {
  it('reports the seed story like a compiler and exits 1', () => {
    const r = run(['check', 'examples/seed']);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /examples\/seed\/supabase\/migrations\/20251229000000_tenant_llm_policies\.sql:17:24: error forward-reference: table copilot_internal\.tenants is created by a later migration/);
    assert.match(r.stdout, /\n {2}17 \| {7}select t\.id from copilot_internal\.tenants t\n {5}\| {24}\^{24}\n/);
    assert.match(r.stdout, /= fix: rename 20251229000000_tenant_llm_policies\.sql → 20260105000003_tenant_llm_policies\.sql/);
    assert.match(r.stdout, /20260105000002_tenant_overview_view\.sql:5:6: error unknown-reference: .*Did you mean copilot_internal\.tenants\?/);
    assert.match(r.stdout, /20251229000000_tenant_llm_policies\.sql:5:3: warning missing-foreign-key/);
    assert.match(r.stdout, /2 errors, 1 warning in 5 migrations, PostgreSQL 17 \(Supabase's default\)\n$/);
    assert.equal(r.stderr, '', 'nothing but the result when piped');
  });

  it('--format json: migrations, diagnostics with 0-based ranges, and the computed rename', () => {
    const r = run(['check', EXAMPLE, '--format', 'json']);
    assert.equal(r.code, 1);
    const j = JSON.parse(r.stdout);
    assert.deepEqual(j.migrations[1], { file: 'examples/seed/supabase/migrations/20251229000000_tenant_llm_policies.sql', version: '20251229000000', name: '20251229000000_tenant_llm_policies.sql' });
    const fwd = j.diagnostics.find((d: { code: string }) => d.code === 'forward-reference');
    assert.deepEqual(fwd.range, { start: { line: 16, character: 23 }, end: { line: 16, character: 47 } });
    assert.equal(fwd.severity, 'error');
    assert.deepEqual(fwd.rename, { from: '20251229000000_tenant_llm_policies.sql', to: '20260105000003_tenant_llm_policies.sql', after: '20260105000000_multi_tenant_user_model.sql' });
    assert.equal(fwd.related[0].file, 'examples/seed/supabase/migrations/20260105000000_multi_tenant_user_model.sql');
    assert.deepEqual(j.diagnostics.map((d: { code: string }) => d.code).sort(), ['forward-reference', 'missing-foreign-key', 'unknown-reference']);
  });

  it('--format sarif: SARIF 2.1.0 with rules and 1-based regions', () => {
    const r = run(['check', EXAMPLE, '--format', 'sarif']);
    const s = JSON.parse(r.stdout);
    assert.equal(s.version, '2.1.0');
    const run0 = s.runs[0];
    assert.ok(run0.tool.driver.rules.some((x: { id: string }) => x.id === 'forward-reference'));
    const res = run0.results.find((x: { ruleId: string }) => x.ruleId === 'forward-reference');
    assert.equal(res.level, 'error');
    assert.deepEqual(res.locations[0].physicalLocation.region, { startLine: 17, startColumn: 24, endLine: 17, endColumn: 48 });
    assert.equal(run0.tool.driver.rules[res.ruleIndex].id, 'forward-reference');
    const unk = run0.results.find((x: { ruleId: string }) => x.ruleId === 'unknown-reference');
    assert.equal(unk.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, 'copilot_internal.tenants');
  });

  it('--format github: workflow annotations', () => {
    const r = run(['check', EXAMPLE, '--format', 'github']);
    assert.match(r.stdout, /^::error file=examples\/seed\/supabase\/migrations\/20251229000000_tenant_llm_policies\.sql,line=17,col=24,endLine=17,endColumn=48,title=forward-reference::table copilot_internal\.tenants/m);
    assert.match(r.stdout, /^::warning file=.*title=missing-foreign-key::/m);
  });

  it('exits 0 on a clean folder (warnings allowed) and 2 on usage or I/O errors', () => {
    const clean = tempProject({ '20240101000000_a.sql': 'create table public.a (id int primary key);\n', '20240101000001_b.sql': 'create table public.b (a_id int);\n' });
    try {
      const ok = run(['check', clean]);
      assert.equal(ok.code, 0, ok.stdout + ok.stderr);
      assert.match(ok.stdout, /0 errors, 1 warning in 2 migrations/);
    } finally {
      rmSync(clean, { recursive: true, force: true });
    }
    assert.equal(run(['check', '/nonexistent/folder']).code, 2);
    assert.match(run(['check', '/nonexistent/folder']).stderr, /no such directory/);
    assert.equal(run(['check', EXAMPLE, '--format', 'xml']).code, 2);
    assert.equal(run(['check', EXAMPLE, '--bogus']).code, 2);
    assert.equal(run(['frobnicate']).code, 2);
    const help = run(['--help']);
    assert.equal(help.code, 0);
    for (const v of ['NO_COLOR', 'SUPABASE_MIGRATIONS_CACHE_DIR', 'SUPABASE_MIGRATIONS_CHECKPOINT_MB', WASM_TIER_ENV]) assert.match(help.stdout, new RegExp(`\\n  ${v} `), v);
  });

  it('reads the config file: rules off and re-levelled', () => {
    const dir = tempProject({ '20240101000000_a.sql': 'select * from public.nope;\n' });
    try {
      assert.equal(run(['check', dir]).code, 1);
      writeFileSync(path.join(dir, '.supabase-migrations.json'), JSON.stringify({ rules: { 'unknown-reference': 'warning' } }));
      const r = run(['check', dir]);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /warning unknown-reference/);
      writeFileSync(path.join(dir, '.supabase-migrations.json'), '{ not json');
      const bad = run(['check', dir]);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /invalid JSON/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('CLI: graph', () => {
  it('json: nodes, edges with objects, forward edges marked', () => {
    const g = JSON.parse(run(['graph', EXAMPLE]).stdout);
    assert.equal(g.nodes.length, 5);
    const fwd = g.edges.filter((e: { forward: boolean }) => e.forward);
    assert.deepEqual(fwd.map((e: { fromFile: string; toFile: string; objects: string[] }) => [e.fromFile, e.toFile, e.objects]), [
      ['20251229000000_tenant_llm_policies.sql', '20260105000000_multi_tenant_user_model.sql', ['copilot_internal.tenants']],
    ]);
    assert.ok(g.edges.some((e: { fromFile: string; toFile: string }) => e.fromFile === '20260105000001_tenant_member_policies.sql' && e.toFile === '20260105000000_multi_tenant_user_model.sql'));
  });

  it('dot and mermaid', () => {
    const dot = run(['graph', EXAMPLE, '--format', 'dot']).stdout;
    assert.match(dot, /^digraph migrations \{/);
    assert.match(dot, /n1 -> n2 \[label="copilot_internal\.tenants", color=red/);
    const mm = run(['graph', EXAMPLE, '--format', 'mermaid']).stdout;
    assert.match(mm, /^graph LR/);
    assert.match(mm, /n1 -->\|"copilot_internal\.tenants"\| n2/);
    assert.match(mm, /linkStyle \d+ stroke:#d33/);
  });
});

describe('CLI: bad input never crashes or hangs', () => {
  let dir: string;
  before(() => {
    let big = '';
    for (let i = 0; big.length < 10 * 1024 * 1024; i++) big += `create table public.t${i} (id bigint primary key, name text not null default 'x');\n`;
    const junk = Buffer.alloc(4096);
    for (let k = 0; k < junk.length; k++) junk[k] = (k * 7919 + 13) % 256;
    dir = tempProject(
      {
        '20240101000000_empty.sql': '',
        '20240101000001_big.sql': big,
        '20240101000002_invalid_utf8.sql': Buffer.concat([Buffer.from("select 1;\nselect '"), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from("';\n")]),
        '20240101000003_junk.sql': junk,
        '20240101000004_unterminated.sql': 'create function f() returns int language plpgsql as $$ begin return 1; end;\n',
        '20240101000005_deep.sql': 'select ' + '('.repeat(2000) + '1' + ')'.repeat(2000) + ';\nselect ' + 'array['.repeat(2000) + '1' + ']'.repeat(2000) + ';\n',
        '20240101000006_comments_only.sql': '-- nothing here\n/* nor here */\n',
      },
      ['20240101000007_dir.sql'],
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reports each problem as a diagnostic', function () {
    this.timeout(120_000);
    // the 10 MB file is analysed (over the default limit for analysis: see cli-hostile-files.test.ts)
    const r = run(['check', dir, '--format', 'json', '--max-file-size', '16']);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stderr, '');
    const j = JSON.parse(r.stdout);
    const by = (file: string) => j.diagnostics.filter((d: { file: string }) => d.file.endsWith(file)).map((d: { code: string }) => d.code);
    assert.deepEqual(by('20240101000000_empty.sql'), []);
    assert.deepEqual(by('20240101000001_big.sql'), []);
    assert.deepEqual(by('20240101000002_invalid_utf8.sql'), ['invalid-encoding']);
    assert.ok(by('20240101000003_junk.sql').includes('invalid-encoding'));
    assert.deepEqual(by('20240101000004_unterminated.sql'), ['syntax-error']);
    assert.deepEqual(by('20240101000006_comments_only.sql'), []);
    assert.deepEqual(by('20240101000007_dir.sql'), ['invalid-filename']);
    assert.equal(j.migrations.length, 7);
    const unterminated = j.diagnostics.find((d: { file: string }) => d.file.endsWith('_unterminated.sql'));
    assert.match(unterminated.message, /unterminated dollar-quoted string/);
    assert.deepEqual(unterminated.range.start, { line: 0, character: 52 });
  });

  it('a file where a folder was expected, and a missing folder, are clear errors', () => {
    const r = run(['check', path.join(dir, 'supabase/migrations/20240101000000_empty.sql')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /not a directory/);
  });
});
