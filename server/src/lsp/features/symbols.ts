/** textDocument/documentSymbol (what a migration creates and alters) and workspace/symbol (every object). */
import type { DocumentSymbol, DocumentSymbolParams, SymbolInformation, WorkspaceSymbolParams } from 'vscode-languageserver';
import { SymbolKind } from 'vscode-languageserver';
import { displayName, ObjectRecord } from '../../engine/objects';
import { pathToUri, toRange, uriToPath } from '../adapters';
import type { WorkspaceIndex } from '../workspaceIndex';
import { recordOf } from './symbolAt';

function kindOf(rec: ObjectRecord | undefined): SymbolKind {
  switch (rec?.kind) {
    case 'table':
    case 'partitioned table':
    case 'foreign table':
      return SymbolKind.Class;
    case 'view':
    case 'materialized view':
      return SymbolKind.Interface;
    case 'function':
    case 'procedure':
    case 'aggregate':
      return SymbolKind.Function;
    case 'enum':
      return SymbolKind.Enum;
    case 'type':
    case 'domain':
    case 'composite type':
    case 'range type':
      return SymbolKind.TypeParameter;
    case 'schema':
      return SymbolKind.Namespace;
    case 'index':
      return SymbolKind.Key;
    case 'sequence':
      return SymbolKind.Number;
    case 'trigger':
      return SymbolKind.Event;
    case 'policy':
      return SymbolKind.Property;
    case 'extension':
      return SymbolKind.Package;
    case 'role':
      return SymbolKind.Object;
    default:
      return SymbolKind.Variable;
  }
}

export function handleDocumentSymbols(index: WorkspaceIndex, params: DocumentSymbolParams): DocumentSymbol[] {
  const file = uriToPath(params.textDocument.uri);
  const loc = file === undefined ? undefined : index.locate(file);
  if (!loc || loc.index < 0) return [];
  const { analysis, index: fi } = loc;
  const out: DocumentSymbol[] = [];
  const stmts = analysis.facts[fi].statements;
  // what a statement creates; the indexes and sequences its table's constraints and columns make (a primary
  // key's index, a serial's sequence) are listed under that table, not beside it
  const created = new Map<string, DocumentSymbol>();
  for (const d of analysis.timeline.defs[fi]) {
    const rec = recordOf(analysis, d.key);
    const name = rec ? displayName(rec) : d.key.slice(d.key.indexOf(':') + 1);
    const sym: DocumentSymbol = { name, detail: rec ? `create ${rec.kind}` : 'create', kind: kindOf(rec), range: toRange(stmts[d.point.stmt]?.range ?? d.range), selectionRange: toRange(d.range) };
    const owner = rec?.parent && (rec.kind === 'index' || rec.kind === 'sequence') ? created.get(rec.parent) : undefined;
    if (owner && owner.range.start.line === sym.range.start.line && owner.range.start.character === sym.range.start.character) (owner.children ??= []).push(sym);
    else {
      out.push(sym);
      created.set(d.key, sym);
    }
  }
  for (const r of analysis.timeline.refs[fi]) {
    if (!/^ALTER/.test(r.ref.via) || r.resolution.status !== 'ok') continue;
    const rec = recordOf(analysis, r.resolution.key);
    if (!rec) continue;
    out.push({ name: displayName(rec), detail: r.ref.via.toLowerCase(), kind: kindOf(rec), range: toRange(stmts[r.point.stmt]?.range ?? r.ref.range), selectionRange: toRange(r.ref.range) });
  }
  out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return out;
}

export function handleWorkspaceSymbols(index: WorkspaceIndex, params: WorkspaceSymbolParams): SymbolInformation[] {
  const q = params.query.toLowerCase();
  const out: SymbolInformation[] = [];
  for (const st of index.folders.values()) {
    index.analyze(st);
    const a = st.analysis;
    if (!a) continue;
    for (const h of a.timeline.histories) {
      const rec = h.record;
      if (!rec.def || rec.origin !== 'migration') continue;
      const name = displayName(rec);
      if (q && !name.toLowerCase().includes(q)) continue;
      out.push({ name, kind: kindOf(rec), containerName: rec.def.file.split(/[\\/]/).pop(), location: { uri: pathToUri(rec.def.file), range: toRange(rec.def.range) } });
      if (out.length >= 2000) return out;
    }
  }
  return out;
}
