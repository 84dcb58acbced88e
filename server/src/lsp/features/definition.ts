/**
 * textDocument/definition: from any use or (re)creation of an object to the statement that creates it.
 *
 * On a column: where it was added (its CREATE TABLE or ADD COLUMN), and, when it was renamed or altered
 * (ALTER COLUMN … TYPE / DEFAULT / NOT NULL) before that point, also the last such statement, as a second
 * link. VS Code jumps straight to a single target and opens its peek list for two (added first), which
 * shows both the column's origin and what it is at the cursor; on the definition itself VS Code offers the
 * references instead (`editor.gotoLocation.alternativeDefinitionCommand`).
 */
import type { DefinitionParams, LocationLink } from 'vscode-languageserver';
import type { Analysis } from '../../engine/analyze';
import { samePoint } from '../../engine/objects';
import { columnOrigin, type ColumnSite } from '../../engine/timeline';
import { pathToUri, toRange, uriToPath } from '../adapters';
import type { WorkspaceIndex } from '../workspaceIndex';
import { definitionOf, symbolAt } from './symbolAt';

export function handleDefinition(index: WorkspaceIndex, params: DefinitionParams): LocationLink[] | null {
  const file = uriToPath(params.textDocument.uri);
  const at = file === undefined ? undefined : symbolAt(index, file, params.position);
  if (!at) return null;
  if (at.column) return columnDefinition(at.analysis, at.column);
  const def = definitionOf(at.analysis, at.key);
  if (!def) return null;
  const origin = at.analysis.timeline.refs[at.fileIndex].find((r) => samePoint(r.point, at.point) && 'key' in r.resolution && r.resolution.key === at.key);
  return [
    {
      originSelectionRange: origin ? toRange(origin.ref.range) : undefined,
      targetUri: pathToUri(def.file),
      targetRange: toRange(def.statement),
      targetSelectionRange: toRange(def.range),
    },
  ];
}

function columnDefinition(analysis: Analysis, site: ColumnSite): LocationLink[] | null {
  const { added, lastChange } = columnOrigin(analysis.timeline, site);
  const targets = [added, lastChange].filter((s): s is ColumnSite => s !== undefined);
  if (!targets.length) return null;
  const originSelectionRange = toRange(site.at.range);
  return targets.map((t) => ({
    originSelectionRange,
    targetUri: pathToUri(analysis.migrations[t.point.file].path),
    targetRange: toRange(analysis.timeline.files[t.point.file].facts.statements[t.point.stmt].range),
    targetSelectionRange: toRange(t.at.range),
  }));
}
