/**
 * textDocument/references: every migration that creates, alters, uses or drops the object. On a column:
 * every statement that names it (through renames: the column, not the name), its definition (CREATE TABLE
 * or ADD COLUMN) only with `includeDeclaration`.
 */
import type { Location, ReferenceParams } from 'vscode-languageserver';
import { sitesOfColumn } from '../../engine/timeline';
import { pathToUri, toRange, uriToPath } from '../adapters';
import type { WorkspaceIndex } from '../workspaceIndex';
import { symbolAt } from './symbolAt';

export function handleReferences(index: WorkspaceIndex, params: ReferenceParams): Location[] | null {
  const file = uriToPath(params.textDocument.uri);
  const at = file === undefined ? undefined : symbolAt(index, file, params.position);
  if (!at) return null;
  const { analysis, key } = at;
  const out: Location[] = [];
  if (at.column) {
    for (const s of sitesOfColumn(analysis.timeline, at.column.column)) {
      if ((s.kind === 'create' || s.kind === 'add') && !params.context.includeDeclaration) continue;
      out.push({ uri: pathToUri(analysis.migrations[s.point.file].path), range: toRange(s.at.range) });
    }
    return sortLocations(out);
  }
  analysis.migrations.forEach((m, fi) => {
    const uri = pathToUri(m.path);
    if (params.context.includeDeclaration) for (const d of analysis.timeline.defs[fi]) if (d.key === key) out.push({ uri, range: toRange(d.range) });
    for (const r of analysis.timeline.refs[fi]) {
      const res = r.resolution;
      if ((res.status === 'ok' || res.status === 'forward' || res.status === 'dropped') && res.key === key) out.push({ uri, range: toRange(r.ref.range) });
    }
  });
  return sortLocations(out);
}

function sortLocations(out: Location[]): Location[] {
  return out.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character));
}
