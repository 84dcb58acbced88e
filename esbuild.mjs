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
  { in: 'server/src/bin.ts', out: 'cli', banner: '#!/usr/bin/env node' },
  { in: 'server/src/lsp/main.ts', out: 'server' },
  { in: 'client/src/extension.ts', out: 'extension', external: ['vscode'] },
  // verify: the embedded-Postgres worker (child process). PGlite stays external: it loads its WASM and
  // extension bundles from beside its own files in node_modules.
  { in: 'server/src/verify/worker.ts', out: 'verify-worker', external: ['@electric-sql/pglite', '@electric-sql/pglite/*', '@electric-sql/pglite-pgvector'] },
].filter((e) => existsSync(e.in));

mkdirSync('dist', { recursive: true });
const wasm = path.join(path.dirname(require.resolve('libpg-query')), 'libpg-query.wasm');
copyFileSync(wasm, 'dist/libpg-query.wasm');
// The older grammars (server/src/engine/parser.ts): npm aliases of libpg-query 15.x / 17.x, whose loaders look
// for the same file name beside the bundle; each one's WASM is copied under its own name and its loader
// (bundled) pointed at it.
const OLDER_GRAMMARS = ['libpg-query-15', 'libpg-query-17'];
for (const name of OLDER_GRAMMARS) copyFileSync(path.join(path.dirname(require.resolve(name)), 'libpg-query.wasm'), `dist/${name}.wasm`);
const olderGrammarWasm = {
  name: 'older-grammar-wasm',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]libpg-query-1[0-9][\\/]wasm[\\/]libpg-query\.js$/ }, (args) => {
      const name = OLDER_GRAMMARS.find((n) => args.path.includes(`${path.sep}${n}${path.sep}`));
      const text = readFileSync(args.path, 'utf8');
      const from = 'locateFile("libpg-query.wasm")';
      if (!name || !text.includes(from)) throw new Error(`${args.path}: no ${from} to point at dist/${name}.wasm (did the package change?)`);
      return { contents: text.replace(from, `locateFile("${name}.wasm")`), loader: 'js' };
    });
  },
};
// verify: the Supabase platform shim and extension stand-ins, read at run time (server/src/verify/platform.ts).
cpSync('server/src/engine/catalog', 'dist/catalog', { recursive: true, filter: (p) => !/\.(ts|json|md)$/.test(p) });

// The catalogs (server/src/engine/catalog/*.json, ~750 KB) as `JSON.parse` of one string literal: V8 scans a
// string much faster than it parses and runs the same data as an object literal, which esbuild's JSON loader
// emits. Every process (a `check`, the server) pays that at start-up: ~40 ms of a small folder's ~450 ms.
const catalogAsJsonString = {
  name: 'catalog-as-json-string',
  setup(build) {
    build.onLoad({ filter: /[\\/]engine[\\/]catalog[\\/][^\\/]+\.json$/ }, (args) => {
      const data = JSON.parse(readFileSync(args.path, 'utf8'));
      return { contents: `module.exports = JSON.parse(${JSON.stringify(JSON.stringify(data))});`, loader: "js", watchFiles: [args.path] };
    });
  },
};

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
      plugins: [catalogAsJsonString, olderGrammarWasm],
    }),
  ),
);
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
