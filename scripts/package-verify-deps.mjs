// Copies the embedded Postgres (PGlite + pgvector) beside the bundles, so that dist/verify-worker.js finds
// them in an installed .vsix (which has no node_modules). Source maps and type declarations are left out.
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const target = path.join('dist', 'node_modules', '@electric-sql');
rmSync(path.join('dist', 'node_modules'), { recursive: true, force: true });
mkdirSync(target, { recursive: true });
for (const pkg of ['pglite', 'pglite-pgvector']) {
  const from = path.join('node_modules', '@electric-sql', pkg);
  if (!existsSync(from)) throw new Error(`${from} is missing: run npm ci`);
  cpSync(from, path.join(target, pkg), {
    recursive: true,
    filter: (src) => !/\.(map|d\.ts|d\.cts|d\.mts)$/.test(src) && !/[\\/]src[\\/]/.test(src),
  });
}
console.log(`copied PGlite into ${target}`);
