// Bundles the CLI, the language server and the VS Code client into dist/.
// The Postgres parser's WASM file is copied beside the bundles: libpg-query looks for it in __dirname.
import * as esbuild from 'esbuild';
import { copyFileSync, cpSync, mkdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

const require = createRequire(import.meta.url);
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const entries = [
  { in: 'server/src/cli/main.ts', out: 'cli', banner: '#!/usr/bin/env node' },
  { in: 'server/src/lsp/main.ts', out: 'server' },
  { in: 'client/src/extension.ts', out: 'extension', external: ['vscode'] },
  // verify: the embedded-Postgres worker (child process). PGlite stays external: it loads its WASM and
  // extension bundles from beside its own files in node_modules.
  { in: 'server/src/verify/worker.ts', out: 'verify-worker', external: ['@electric-sql/pglite', '@electric-sql/pglite/*', '@electric-sql/pglite-pgvector'] },
].filter((e) => existsSync(e.in));

mkdirSync('dist', { recursive: true });
const wasm = path.join(path.dirname(require.resolve('libpg-query')), 'libpg-query.wasm');
copyFileSync(wasm, 'dist/libpg-query.wasm');
// verify: the Supabase platform shim and extension stand-ins, read at run time (server/src/verify/platform.ts).
cpSync('server/src/engine/catalog', 'dist/catalog', { recursive: true, filter: (p) => !/\.(ts|json|md)$/.test(p) });

const contexts = await Promise.all(
  entries.map((e) =>
    esbuild.context({
      entryPoints: { [e.out]: e.in },
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      outdir: 'dist',
      sourcemap: !production,
      minify: production,
      external: e.external ?? [],
      banner: e.banner ? { js: e.banner } : undefined,
      logLevel: 'warning',
      define: { __VERSION__: JSON.stringify(pkg.version) },
    }),
  ),
);
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
