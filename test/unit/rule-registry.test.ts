/**
 * The rule registry (server/src/ruleRegistry): one entry per code, in step with the rule modules; what is
 * generated from it (docs/rules, the README table, package.json's settings schema) is up to date; and its
 * examples say what they claim — the invalid one reports the code, the valid one does not.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generatedFiles, rulesSettingsSchema, stalePages } from '../../scripts/generate-rule-docs';
import { decodeUtf8, readMigrationFile } from '../../server/src/host/workspace';
import { execFileSync } from 'node:child_process';
import type { FileContent } from '../../server/src/engine/analyze';
import { RULES } from '../../server/src/engine/rules';
import { REPOSITORY_URL, RULE_REGISTRY, rulesOfKind, type ExampleFile } from '../../server/src/ruleRegistry';
import { verifyMany } from '../../server/src/verify/run';
import { analyzeFiles, summary } from '../support/analyze';

const ROOT = path.resolve(__dirname, '../..');

/**
 * The examples of verify's codes and of the advisors need the embedded Postgres: one restored cluster per
 * example, 24 of them, about 70 s on two busy cores. Too slow for every `npm test`, so they run when asked.
 */
const VERIFY_EXAMPLES = process.env.SUPABASE_MIGRATIONS_VERIFY_EXAMPLES === '1';

/**
 * An example's files as the CLI reads them: a Latin-1 file decoded as UTF-8 (so with its first bad byte
 * noted); a named pipe made for real (mkfifo) and read by the host, which refuses it without blocking.
 */
async function exampleFiles(files: readonly ExampleFile[]): Promise<Record<string, FileContent>> {
  const out: Record<string, FileContent> = {};
  for (const f of files) {
    if (f.special === 'fifo') {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'sbm-fifo-'));
      try {
        execFileSync('mkfifo', [path.join(dir, f.name)]);
        out[f.name] = (await readMigrationFile(path.join(dir, f.name)))!;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    } else out[f.name] = decodeUtf8(Buffer.from(f.sql, f.encoding ?? 'utf8'));
  }
  return out;
}

describe('rule registry', () => {
  it('one entry per code, in kebab case, each with a summary, a description and both examples', () => {
    const codes = RULE_REGISTRY.map((r) => r.code);
    assert.equal(new Set(codes).size, codes.length);
    for (const r of RULE_REGISTRY) {
      assert.match(r.code, /^[a-z]+(-[a-z]+)*$/, r.code);
      assert.match(r.summary, /^[A-Z].*\.$/, r.code);
      assert.ok(r.description.length > r.summary.length && !r.description.includes('\n'), `${r.code}: a description of one paragraph`);
      assert.ok(r.invalid.length && r.valid.length, r.code);
      for (const f of [...r.invalid, ...r.valid]) assert.ok(f.sql.endsWith('\n'), `${r.code}: ${f.name} ends with a newline`);
    }
  });

  it('the static entries are the rule modules, in the order the engine runs them', () => {
    assert.deepEqual(
      RULES.map((r) => r.code),
      rulesOfKind('static').map((r) => r.code),
    );
    for (const rule of RULES) {
      const entry = RULE_REGISTRY.find((r) => r.code === rule.code)!;
      assert.equal(rule.defaultSeverity, entry.defaultSeverity);
      assert.equal(rule.summary, entry.summary);
    }
  });

  it('links point at the repository named in package.json', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { repository: { url: string } };
    assert.equal(REPOSITORY_URL, pkg.repository.url);
  });

  it('docs/rules, the README table and the settings schema are what `npm run gen:rules` writes', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.configuration.properties['supabaseMigrations.rules'].properties, rulesSettingsSchema());
    for (const [rel, text] of generatedFiles(ROOT)) {
      let onDisk: string | undefined;
      try {
        onDisk = readFileSync(path.join(ROOT, rel), 'utf8');
      } catch {
        onDisk = undefined;
      }
      assert.ok(onDisk === text, `${rel} is not up to date: run npm run gen:rules`);
    }
    assert.deepEqual(stalePages(ROOT), [], 'pages of codes that no longer exist');
  });

  describe('examples of the static rules', () => {
    for (const r of rulesOfKind('static')) {
      it(`${r.code}: the invalid example reports it (and nothing else), the valid one reports nothing`, async () => {
        // the team-workflow rules compare the folder with a base: the example's, as host/git.ts would give it
        const base = 'base' in r && r.base ? r.base : undefined;
        const config = base ? { baseline: { label: 'origin/main@0000000', migrations: base.map((f) => ({ name: f.name, version: f.name.slice(0, f.name.indexOf('_')), text: f.sql })) } } : undefined;
        const invalid = summary(await analyzeFiles(await exampleFiles(r.invalid), config));
        assert.ok(invalid.length > 0, `${r.code}: nothing reported`);
        for (const line of invalid) assert.ok(line.endsWith(` ${r.code}`), `${r.code}: ${invalid.join('; ')}`);
        assert.deepEqual(summary(await analyzeFiles(await exampleFiles(r.valid), config)), []);
      });
    }
  });

  (VERIFY_EXAMPLES ? describe : describe.skip)('examples of verify and the advisors (SUPABASE_MIGRATIONS_VERIFY_EXAMPLES=1)', function () {
    this.timeout(600_000);
    const entries = RULE_REGISTRY.filter((r) => r.kind !== 'static');
    let codes: Map<string, { invalid: string[]; valid: string[] }>;
    before(async () => {
      const items = [];
      for (const r of entries)
        for (const files of [r.invalid, r.valid]) {
          const content = await exampleFiles(files);
          const analysis = await analyzeFiles(content);
          items.push({ analysis, texts: new Map(analysis.migrations.map((m) => [m.path, content[m.name].text])), checkpoints: false });
        }
      const results = await verifyMany(items, { cacheDir: path.join(os.tmpdir(), 'supabase-migrations-verify-test-cache') });
      codes = new Map(entries.map((r, i) => [r.code, { invalid: results[2 * i].findings.map((f) => f.code), valid: results[2 * i + 1].findings.map((f) => f.code) }]));
    });
    for (const r of entries) {
      it(`${r.code}: the invalid example reports it, the valid one does not`, () => {
        const found = codes.get(r.code)!;
        assert.ok(found.invalid.includes(r.code), `${r.code}: ${found.invalid.join(', ')}`);
        assert.ok(!found.valid.includes(r.code), `${r.code}: ${found.valid.join(', ')}`);
      });
    }
  });
});
