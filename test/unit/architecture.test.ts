/** The engine stays pure: no LSP, no VS Code, no file system, so the CLI and the server share it. */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { RULES } from '../../server/src/engine/rules';
import { RULE_REGISTRY, ruleDocsPath } from '../../server/src/ruleRegistry';

const ROOT = path.resolve(__dirname, '../..');
const ENGINE = path.resolve(ROOT, 'server/src/engine');
const REGISTRY = path.resolve(ROOT, 'server/src/ruleRegistry');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('architecture', () => {
  it('the engine imports no LSP, VS Code, file system or process modules', () => {
    const offenders: string[] = [];
    for (const f of files(ENGINE)) {
      const src = readFileSync(f, 'utf8');
      for (const m of src.matchAll(/from\s+['"]([^'"]+)['"]|require\(['"]([^'"]+)['"]\)/g)) {
        const mod = m[1] ?? m[2];
        if (/^(vscode|vscode-languageserver|vscode-languageclient|vscode-languageserver-textdocument)(\/|$)|^(node:)?(fs|child_process|net|http|https|worker_threads)(\/|$)/.test(mod)) {
          offenders.push(`${path.relative(ENGINE, f)} imports ${mod}`);
        }
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('one module per rule, each listed once', () => {
    const codes = RULES.map((r) => r.code);
    assert.equal(new Set(codes).size, codes.length);
    const ruleFiles = readdirSync(path.join(ENGINE, 'rules')).filter((f) => !['index.ts', 'rule.ts'].includes(f));
    assert.equal(ruleFiles.length, RULES.length);
  });

  it('every rule module is in the rule registry, and the registry is data that imports nothing else', () => {
    for (const r of RULES) assert.ok(RULE_REGISTRY.some((e) => e.code === r.code && e.kind === 'static'), r.code);
    for (const f of files(REGISTRY)) {
      const src = readFileSync(f, 'utf8');
      for (const m of src.matchAll(/from\s+['"]([^'"]+)['"]|require\(['"]([^'"]+)['"]\)/g)) assert.match(m[1] ?? m[2], /^\.\/[A-Za-z]+$/, `${path.relative(REGISTRY, f)} imports ${m[1] ?? m[2]}`);
    }
  });

  it('every code in the registry has its page, docs/rules/<code>.md', () => {
    for (const r of RULE_REGISTRY) assert.ok(existsSync(path.join(ROOT, ruleDocsPath(r.code))), ruleDocsPath(r.code));
  });
});
