/** supabaseMigrations/suggestedRename and supabaseMigrations/newMigration. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { newMigrationName } from '../../engine/discover';
import type { NewMigrationParams, NewMigrationResult, SuggestedRenameParams, SuggestedRenameResult } from '../../protocol';
import { pathToUri, uriToPath } from '../adapters';
import type { WorkspaceIndex } from '../workspaceIndex';

export function handleSuggestedRename(index: WorkspaceIndex, params: SuggestedRenameParams): SuggestedRenameResult {
  const file = uriToPath(params.uri);
  const loc = file === undefined ? undefined : index.locate(file);
  if (!loc || loc.index < 0) return { reason: 'This file is not a migration in a supabase/migrations folder.' };
  const forward = loc.analysis.findings.find((f) => f.file === file && f.code === 'forward-reference' && f.rename);
  if (!forward?.rename) return { reason: 'This migration has no forward references: its position is fine.' };
  const fix = forward.fixes.find((x) => x.kind === 'rename-file');
  if (!forward.rename.to || !fix || fix.kind !== 'rename-file') return { reason: forward.rename.reason ?? 'No valid position.' };
  return { newUri: pathToUri(fix.to), title: fix.title };
}

export async function handleNewMigration(index: WorkspaceIndex, params: NewMigrationParams, now = new Date()): Promise<NewMigrationResult> {
  const name = params.name.trim();
  if (!name) return { error: 'A migration needs a name.' };
  const folders = [...index.folders.values()];
  if (!folders.length) return { error: 'No supabase/migrations folder in this workspace.' };
  let st = folders[0];
  if (params.nearUri) {
    const near = uriToPath(params.nearUri);
    if (near !== undefined) st = folders.find((f) => near === f.folder || near.startsWith(f.folder + path.sep) || near.startsWith(f.root + path.sep)) ?? st;
  }
  // What is on disk right now (the watcher may not have told us about a file created a moment ago), what the
  // index knows, and documents open in the editor but not saved yet.
  const onDisk = await fs.readdir(st.folder).catch(() => [] as string[]);
  const taken = [...onDisk, ...st.entries.map((e) => e.name), ...index.openFiles(st.folder).map((f) => path.basename(f))];
  const file = newMigrationName(name, now, taken);
  return { uri: pathToUri(path.join(st.folder, file)) };
}
