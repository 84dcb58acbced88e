/** The engine stays pure: no LSP, no VS Code, no file system, so the CLI and the server share it. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { RULES } from '../../server/src/engine/rules';

const ENGINE = path.resolve(__dirname, '../../server/src/engine');

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

  it('every rule is documented in the README with its own section', () => {
    const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
    for (const r of RULES) assert.match(readme, new RegExp(`### \`${r.code}\``), r.code);
  });
});
