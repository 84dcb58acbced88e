/**
 * `--applied <file>`: the versions a database has applied, without connecting to it — the output of
 * `supabase migration list` saved to a file, or one version per line. Versions only (no contents): the
 * team-workflow rules report out-of-order and removed-applied against it, never edited-applied.
 *
 * `supabase migration list` (supabase/cli, internal/migration/list/list.go) builds a Markdown table
 * `|Local|Remote|Time (UTC)|` with one row per version (`` |`20240101000000`|` `|`2024-01-01 00:00:00`| ``: a
 * blank cell where one side lacks it) and renders it with glamour's ASCII style (cells separated by `|`);
 * older releases drew the same columns with box-drawing `│`. All three forms are read: the Remote column's
 * versions are the applied ones.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Baseline } from '../engine/baseline';
import { UsageError } from './workspace';

/** The applied versions a list holds, in its order; throws UsageError naming the first line it cannot read. */
export function parseAppliedList(text: string, source: string): string[] {
  const lines = text.replace(/^\uFEFF/, '').replace(/\u001b\[[0-9;]*[A-Za-z]/g, '').split(/\r?\n/);
  const cells = (line: string) => line.split(/[|│┃]/).map((c) => c.replace(/`/g, '').trim());
  const header = lines.findIndex((l) => /[|│┃]/.test(l) && cells(l).some((c) => /^local$/i.test(c)) && cells(l).some((c) => /^remote$/i.test(c)));
  const versions: string[] = [];
  if (header >= 0) {
    const remote = cells(lines[header]).findIndex((c) => /^remote$/i.test(c));
    for (let i = header + 1; i < lines.length; i++) {
      const line = lines[i];
      if (!/[|│┃]/.test(line)) continue; // blank lines, notices printed after the table
      if (/^[\s|│┃:\-─━┼╋+]*$/.test(line)) continue; // the rule under the header
      const cell = cells(line)[remote] ?? '';
      if (cell === '') continue; // a version only the local folder has
      if (!/^\d+$/.test(cell)) throw new UsageError(`${source}:${i + 1}: "${cell.slice(0, 60)}" in the Remote column is not a migration version`);
      versions.push(cell);
    }
    return versions;
  }
  lines.forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    const m = /^(\d+)(?:_.*\.sql)?$/.exec(line);
    if (!m)
      throw new UsageError(
        `${source}:${i + 1}: "${line.slice(0, 60)}" is not a migration version (expected the output of \`supabase migration list\` or one version per line)`,
      );
    versions.push(m[1]);
  });
  if (!versions.length) throw new UsageError(`${source}: no migration versions in it (expected the output of \`supabase migration list\` or one version per line)`);
  return versions;
}

/** Read `--applied <file>` into a baseline of versions (label `applied list <file name>`). */
export async function readAppliedList(file: string): Promise<Baseline> {
  let text: string;
  try {
    const bytes = await fs.readFile(file);
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') throw new UsageError(`--applied ${file}: no such file`);
    if (err.code === 'EISDIR') throw new UsageError(`--applied ${file}: is a directory, not a file`);
    if (err instanceof TypeError) throw new UsageError(`--applied ${file}: not a text file (not UTF-8)`);
    throw new UsageError(`--applied ${file}: cannot read it (${err.code ?? err.message})`);
  }
  const versions = parseAppliedList(text, file);
  return { label: `applied list ${path.basename(file)}`, migrations: [...new Set(versions)].map((version) => ({ version })) };
}
