/**
 * `verify [dir]`: verify a folder (the verify service, server/src/verify/folder.ts: a one-shot worker, or the
 * warm one of the editor's verify service) and render the result in the chosen format. Used by the CLI
 * (main.ts) and by `verify --serve` (serve.ts), so both give the same output for the same folder.
 */
import path from 'node:path';
import type { LineIndex } from '../engine/positions';
import { UsageError } from '../host/workspace';
import { verifyExitCode } from '../verify/command';
import { verifyFolder, type VerifyFolderContext } from '../verify/folder';
import type { VerifyResult } from '../verify/run';
import type { VerifyArgs } from '../verify/serviceProtocol';
import { formatVerify } from './reporters/verify';

export interface VerifyCommandArgs extends VerifyArgs {
  format?: string;
  color?: boolean;
}

export interface VerifyCommandContext extends VerifyFolderContext {
  version: string;
}

/** Verify and render. `ctx.cwd`: also what the output's file names are relative to. */
export async function verifyCommand(args: VerifyCommandArgs, ctx: VerifyCommandContext): Promise<{ code: number; output: string; timings: VerifyResult['timings'] }> {
  const format = args.format ?? 'text';
  if (!['text', 'json', 'sarif', 'github'].includes(format)) throw new UsageError(`unknown format "${format}" (text, json, sarif, github)`);
  const { analysis, result } = await verifyFolder(args, ctx);
  const displayPath = (p: string) => {
    const rel = path.relative(ctx.cwd, p);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
  };
  const byPath = new Map(analysis.migrations.map((m, i) => [m.path, analysis.facts[i].lineIndex] as [string, LineIndex]));
  const output = formatVerify(format, analysis, result, { displayPath, color: !!args.color, toolVersion: ctx.version }, (file, line) => byPath.get(file)?.lineText(line) ?? '');
  return { code: verifyExitCode(result), output, timings: result.timings };
}
