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
import { DEFAULT_LIMITS, type VerifyLimits } from '../verify/guards';
import { loadConfig, readFolder, resolveMigrationsFolder, UsageError, type VerifyConfig } from './workspace';
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
  /** Limit of one statement, in seconds (0: none); else the config's, else the default (guards.ts). */
  statementTimeoutS?: number;
  /** Limit of the worker's memory while a statement runs, in MB (0: none); else the config's, else the default. */
  memoryLimitMb?: number;
}

export interface VerifyContext {
  version: string;
  /** What relative paths (dir, config, the output's file names) are relative to. */
  cwd: string;
  /** The service's warm worker; none: a one-shot worker process. */
  worker?: WarmWorker;
  onProgress?: (done: number, total: number) => void;
}

/** The limits of this run: the arguments', else the config file's, else the defaults; and where each came from. */
export function verifyLimits(args: Pick<VerifyArgs, 'statementTimeoutS' | 'memoryLimitMb'>, config: VerifyConfig | undefined, configName: string | undefined): VerifyLimits {
  const file = (key: string) => `"verify": { "${key}" } in ${configName ?? 'the config'}`;
  const [timeoutS, timeoutFrom] =
    args.statementTimeoutS !== undefined ? [args.statementTimeoutS, '--statement-timeout'] : config?.statementTimeout !== undefined ? [config.statementTimeout, file('statementTimeout')] : [DEFAULT_LIMITS.statementTimeoutMs / 1000, 'the default'];
  const [memoryMb, memoryFrom] =
    args.memoryLimitMb !== undefined ? [args.memoryLimitMb, '--memory-limit'] : config?.memoryLimit !== undefined ? [config.memoryLimit, file('memoryLimit')] : [DEFAULT_LIMITS.memoryLimitMb, 'the default'];
  return { statementTimeoutMs: Math.round(timeoutS * 1000), memoryLimitMb: memoryMb, source: { statementTimeout: timeoutFrom, memoryLimit: memoryFrom } };
}

export async function verifyFolder(args: VerifyArgs, ctx: VerifyContext): Promise<{ code: number; output: string; timings: import('../verify/run').VerifyResult['timings'] }> {
  const format = args.format ?? 'text';
  if (!['text', 'json', 'sarif', 'github'].includes(format)) throw new UsageError(`unknown format "${format}" (text, json, sarif, github)`);
  const { folder, root } = await resolveMigrationsFolder(path.resolve(ctx.cwd, args.dir));
  const { config, path: configPath, verify: verifyConfig } = await loadConfig(root, args.config === undefined ? undefined : path.resolve(ctx.cwd, args.config));
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
    limits: verifyLimits(args, verifyConfig, configPath && path.basename(configPath)),
  });
  const displayPath = (p: string) => {
    const rel = path.relative(ctx.cwd, p);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
  };
  const byPath = new Map(analysis.migrations.map((m, i) => [m.path, analysis.facts[i].lineIndex] as [string, LineIndex]));
  const output = formatVerify(format, analysis, result, { displayPath, color: !!args.color, toolVersion: ctx.version }, (file, line) => byPath.get(file)?.lineText(line) ?? '');
  return { code: verifyExitCode(result), output, timings: result.timings };
}
