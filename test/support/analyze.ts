/** Test helpers: analyse an in-memory migrations folder, find ranges by content. */
import assert from 'node:assert/strict';
import { analyzeFolder, Analysis, checkFolder, EngineConfig, FileContent, FolderInput } from '../../server/src/engine/analyze';
import { initParser } from '../../server/src/engine/parser';
import type { Finding, RuleCode } from '../../server/src/engine/types';
import { observable } from './observable';

export const FOLDER = 'supabase/migrations';

export async function analyzeFiles(files: Record<string, string | FileContent>, config?: EngineConfig, dirs: string[] = []): Promise<Analysis> {
  const map = new Map<string, FileContent>();
  for (const [name, v] of Object.entries(files)) map.set(name, typeof v === 'string' ? { text: v } : v);
  const entries = [...Object.keys(files).map((name) => ({ name, isDirectory: false })), ...dirs.map((name) => ({ name, isDirectory: true }))];
  return analyzeInput({ folder: FOLDER, entries, files: map, config });
}

/** A folder (in memory, or as the CLI reads it) analysed whole, after checking that the streamed analysis finds the same. */
export async function analyzeInput(input: FolderInput & { files: Map<string, FileContent> }): Promise<Analysis> {
  await initParser({ versions: [input.config?.postgresVersion] });
  const a = analyzeFolder(input);
  // every fixture also checks that the command line's streamed analysis finds exactly the same
  assert.deepStrictEqual(observable(checkFolder(input), 'unresolved'), observable(a, 'unresolved'), 'checkFolder (streamed) differs from analyzeFolder');
  return a;
}

export function findingsOf(a: Analysis, code?: RuleCode): Finding[] {
  return a.findings.filter((f) => !code || f.code === code);
}

/** "file:line:col code" lines, 1-based, for compact assertions. */
export function summary(a: Analysis, code?: RuleCode): string[] {
  return findingsOf(a, code).map((f) => `${f.file.replace(FOLDER + '/', '')}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code}`);
}

/** Line/character (0-based) of the n-th occurrence of `needle` in `text`. */
export function positionOf(text: string, needle: string, occurrence = 1): { line: number; character: number } {
  let idx = -1;
  for (let i = 0; i < occurrence; i++) {
    idx = text.indexOf(needle, idx + 1);
    if (idx < 0) throw new Error(`"${needle}" not found (occurrence ${occurrence})`);
  }
  const before = text.slice(0, idx);
  const line = before.split('\n').length - 1;
  const character = idx - (before.lastIndexOf('\n') + 1);
  return { line, character };
}
