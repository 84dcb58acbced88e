/**
 * `verify [dir]` as a function: read and analyse the folder, apply it (a one-shot worker, or the warm one of
 * the editor's verify service), format the result. Used by the CLI (main.ts) and by `verify --serve`
 * (serve.ts), so both give the same output for the same folder.
 */
import path from 'node:path';
import { analyzeFolder } from '../engine/analyze';
import { initParser } from '../engine/parser';
import type { LineIndex } from '../engine/positions';
import type { WarmWorker } from '../verify/run';
import { loadConfig } from '../host/config';
import { readFolder, resolveMigrationsFolder, UsageError } from '../host/workspace';
import { PARSER_BASELINE_MAX_BYTES, sqlSize, wasmTierFor } from '../wasmTier';

export interface VerifyArgs {
  dir: string;
  format?: string;
  config?: string;
  color?: boolean;
  stopAtFirstError?: boolean;
  noCache?: boolean;
  noCheckpoints?: boolean;
  noAdvisors?: boolean;
}

export interface VerifyContext {
  version: string;
  /** What relative paths (dir, config, the output's file names) are relative to. */
  cwd: string;
  /** The service's warm worker; none: a one-shot worker process. */
  worker?: WarmWorker;
  onProgress?: (done: number, total: number) => void;
}

export async function verifyFolder(args: VerifyArgs, ctx: VerifyContext): Promise<{ code: number; output: string; timings: import('../verify/run').VerifyResult['timings'] }> {
  const format = args.format ?? 'text';
  if (!['text', 'json', 'sarif', 'github'].includes(format)) throw new UsageError(`unknown format "${format}" (text, json, sarif, github)`);
  const { folder, root } = await resolveMigrationsFolder(path.resolve(ctx.cwd, args.dir));
  const { config } = await loadConfig(root, args.config === undefined ? undefined : path.resolve(ctx.cwd, args.config));
  const input = await readFolder(folder, config);
  await initParser({ tier: wasmTierFor(sqlSize(input.files.values()), PARSER_BASELINE_MAX_BYTES) });
  const analysis = analyzeFolder(input);
  const texts = new Map(analysis.migrations.map((m) => [m.path, input.files.get(m.name)?.text ?? '']));
  const { verifyAnalysis } = await import('../verify/run');
  const { formatVerify, verifyExitCode } = await import('../verify/command');
  const result = await verifyAnalysis(analysis, {
    texts,
    stopAtFirstError: args.stopAtFirstError,
    cacheDir: args.noCache ? null : undefined,
    checkpoints: !args.noCheckpoints,
    advisors: !args.noAdvisors,
    rules: config.rules,
    onProgress: ctx.onProgress,
    worker: ctx.worker,
  });
  const displayPath = (p: string) => {
    const rel = path.relative(ctx.cwd, p);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
  };
  const byPath = new Map(analysis.migrations.map((m, i) => [m.path, analysis.facts[i].lineIndex] as [string, LineIndex]));
  const output = formatVerify(format, analysis, result, { displayPath, color: !!args.color, toolVersion: ctx.version }, (file, line) => byPath.get(file)?.lineText(line) ?? '');
  return { code: verifyExitCode(result), output, timings: result.timings };
}
