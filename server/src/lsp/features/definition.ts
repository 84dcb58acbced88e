/** textDocument/definition: from any use or (re)creation of an object to the statement that creates it. */
import type { DefinitionParams, LocationLink } from 'vscode-languageserver';
import { samePoint } from '../../engine/objects';
import { pathToUri, toRange, uriToPath } from '../adapters';
import type { WorkspaceIndex } from '../workspaceIndex';
import { definitionOf, symbolAt } from './symbolAt';

export function handleDefinition(index: WorkspaceIndex, params: DefinitionParams): LocationLink[] | null {
  const file = uriToPath(params.textDocument.uri);
  const at = file === undefined ? undefined : symbolAt(index, file, params.position);
  if (!at) return null;
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
