/**
 * `verify [dir]` as a service: read and analyse a migrations folder on disk, apply it (a one-shot worker, or
 * the warm one of the editor's verify service) and return what happened as data: the analysis and the
 * verify result (migration statuses, findings, timings). Rendering is the front end's (server/src/cli).
 */
import path from 'node:path';
import { Analysis, analyzeFolder } from '../engine/analyze';
import { initParser } from '../engine/parser';
import { loadConfig } from '../host/config';
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
  const { config } = await loadConfig(root, args.config === undefined ? undefined : path.resolve(ctx.cwd, args.config));
  const input = await readFolder(folder, config);
  await initParser({ tier: wasmTierFor(sqlSize(input.files.values()), PARSER_BASELINE_MAX_BYTES) });
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
  });
  return { analysis, result };
}
