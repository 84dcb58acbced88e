/**
 * The layout's rules. The engine stays pure: no LSP, no VS Code, no file system, so the CLI and the server
 * share it. Dependencies point one way: front ends (cli, lsp, client) → services (verify) → engine, with
 * host (the file-system side the front ends share) beside the services; nothing sideways. The client talks
 * to the server only through the protocol modules.
 */
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

/** Every module a file imports (static, `export … from`, type-only, dynamic `import()`, `require`), as written. */
function importsOf(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  return [...src.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)].map((m) => m[1]);
}

/** A relative import as a repository path without extension (`server/src/engine/graph`); a package stays as written. */
function resolveImport(file: string, spec: string): string {
  if (!spec.startsWith('.')) return spec;
  let abs = path.resolve(path.dirname(file), spec);
  if (!existsSync(abs + '.ts') && existsSync(path.join(abs, 'index.ts'))) abs = path.join(abs, 'index');
  return path.relative(ROOT, abs).split(path.sep).join('/').replace(/\.ts$/, '');
}

/** The project's own imports of every file under `dirs` (repository paths), as `file → module`. */
function projectImports(...dirs: string[]): { file: string; module: string }[] {
  return dirs.flatMap((d) =>
    files(path.join(ROOT, d)).flatMap((f) =>
      importsOf(f)
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => ({ file: path.relative(ROOT, f).split(path.sep).join('/'), module: resolveImport(f, spec) })),
    ),
  );
}

/** `file → module` for each import of `from` that `forbidden` matches (an empty list: the rule holds). */
function offending(from: string[], forbidden: (module: string) => boolean): string[] {
  return projectImports(...from)
    .filter((i) => forbidden(i.module))
    .map((i) => `${i.file} → ${i.module}`);
}

const under = (...dirs: string[]) => (module: string) => dirs.some((d) => module === d || module.startsWith(d + '/'));
/** What the client may use of the server: the LSP custom requests and the verify service's messages. */
const PROTOCOL_MODULES = ['server/src/protocol', 'server/src/verify/serviceProtocol'];

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

  it('the engine imports nothing from the front ends, services, host or the LSP protocol', () => {
    assert.deepEqual(offending(['server/src/engine'], under('server/src/cli', 'server/src/lsp', 'server/src/verify', 'server/src/host', 'client/src', 'server/src/bin', 'server/src/protocol')), []);
  });

  it('verify (a service) imports nothing from the front ends (cli, lsp, client)', () => {
    assert.deepEqual(offending(['server/src/verify'], under('server/src/cli', 'server/src/lsp', 'client/src', 'server/src/bin')), []);
  });

  it('host imports nothing from the front ends or verify', () => {
    assert.deepEqual(offending(['server/src/host'], under('server/src/cli', 'server/src/lsp', 'server/src/verify', 'client/src', 'server/src/bin')), []);
  });

  it('the CLI and the language server do not import each other (the entry point, server/src/bin.ts, wires them)', () => {
    assert.deepEqual([...offending(['server/src/cli'], under('server/src/lsp', 'client/src', 'server/src/bin')), ...offending(['server/src/lsp'], under('server/src/cli', 'client/src', 'server/src/bin'))], []);
  });

  it('the client imports only the protocol modules from the server', () => {
    assert.deepEqual(offending(['client/src'], (m) => !under('client/src')(m) && !PROTOCOL_MODULES.includes(m)), []);
  });

  it('the protocol modules import no project module (both sides can take them)', () => {
    const protocols = projectImports('server/src').filter((i) => PROTOCOL_MODULES.includes(i.file.replace(/\.ts$/, '')));
    assert.deepEqual(protocols.map((i) => `${i.file} → ${i.module}`), []);
  });

  it('printable (user text made safe to print, for the CLI and the language server) imports no project module', () => {
    assert.deepEqual(offending(['server/src'], () => true).filter((i) => i.startsWith('server/src/printable.ts ')), []);
  });

  it('the import scanner sees every kind of import (a check of this test)', () => {
    const all = projectImports('server/src', 'client/src');
    const has = (file: string, module: string) => all.some((i) => i.file === file && i.module === module);
    assert.ok(has('server/src/bin.ts', 'server/src/lsp/server'), 'dynamic import()');
    assert.ok(has('server/src/bin.ts', 'server/src/cli/main'), 'static import');
    assert.ok(has('client/src/verify.ts', 'server/src/verify/serviceProtocol'), 'import type');
    assert.ok(all.some((i) => i.module.endsWith('/index')), 'a folder import (its index.ts)');
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

  it('docs/architecture.md links every rule module, every language-server feature and every registry code\'s page (one hop to any of them)', () => {
    const doc = readFileSync(path.join(ROOT, 'docs/architecture.md'), 'utf8');
    const missing: string[] = [];
    for (const dir of ['server/src/engine/rules', 'server/src/lsp/features']) {
      for (const f of readdirSync(path.join(ROOT, dir))) {
        if (!f.endsWith('.ts') || f === 'index.ts' || f === 'rule.ts') continue;
        if (!doc.includes(`${path.basename(dir)}/${f}`) && !doc.includes(`(${f})`) && !doc.includes(`[${f}]`)) missing.push(`${dir}/${f}`);
      }
    }
    for (const r of RULE_REGISTRY) if (r.kind === 'static' && !doc.includes(`rules/${r.code}.md`)) missing.push(`docs/rules/${r.code}.md`);
    assert.deepEqual(missing, []);
  });
});
