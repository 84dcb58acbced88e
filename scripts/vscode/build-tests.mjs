// Bundles the in-editor mocha suite (test/vscode/suite) into out/vscode/suite/index.js: mocha and the test
// files in one CommonJS file, `vscode` left to the extension host. No tsc output layout needed.
import * as esbuild from 'esbuild';
import { rmSync } from 'node:fs';

rmSync('out/vscode/suite', { recursive: true, force: true });
await esbuild.build({
  entryPoints: { index: 'test/vscode/suite/index.ts' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outdir: 'out/vscode/suite',
  sourcemap: 'inline',
  external: ['vscode'],
  logLevel: 'warning',
  // mocha's parallel mode (never used here) resolves its worker files at run time
  logOverride: { 'require-resolve-not-external': 'silent' },
});
