/**
 * `verify [dir]` as a service: read and analyse a migrations folder on disk, apply it (a one-shot worker, or
 * the warm one of the editor's verify service) and return what happened as data: the analysis and the
 * verify result (migration statuses, findings, timings). Rendering is the front end's (server/src/cli).
 */
import path from 'node:path';
import { Analysis, analyzeFolder } from '../engine/analyze';
import { initParser } from '../engine/parser';
import { loadConfig, type VerifyConfig } from '../host/config';
import { DEFAULT_LIMITS, type VerifyLimits } from './guards';
import { readFolder, resolveMigrationsFolder } from '../host/workspace';
import { PARSER_BASELINE_MAX_BYTES, sqlSize, wasmTierFor } from '../wasmTier';
import type { VerifyResult, WarmWorker } from './run';
import type { VerifyArgs } from './serviceProtocol';

export interface VerifyFolderContext {
  /** What relative paths (dir, config) are relative to. */
  cwd: string;
  /** The service's warm worker; none: a one-shot worker process. */
  worker?: WarmWorker;
  onProgress?: (done: number, total: number) => void;
}

export interface FolderVerification {
  /** The static analysis of the folder (its findings are not verify's: see `result.findings`). */
  analysis: Analysis;
  result: VerifyResult;
}

export async function verifyFolder(args: VerifyArgs, ctx: VerifyFolderContext): Promise<FolderVerification> {
  const { folder, root } = await resolveMigrationsFolder(path.resolve(ctx.cwd, args.dir));
  const { config, path: configPath, verify: verifyConfig } = await loadConfig(root, args.config === undefined ? undefined : path.resolve(ctx.cwd, args.config));
  const input = await readFolder(folder, config);
  await initParser({ tier: wasmTierFor(sqlSize(input.files.values()), PARSER_BASELINE_MAX_BYTES), versions: [input.config?.postgresVersion] });
  const analysis = analyzeFolder(input);
  const texts = new Map(analysis.migrations.map((m) => [m.path, input.files.get(m.name)?.text ?? '']));
  const { verifyAnalysis } = await import('./run');
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
  return { analysis, result };
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
