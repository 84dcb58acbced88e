/**
 * Diagnostics for every file of a folder — migrations and skipped files alike, including empty lists, so
 * that an edit in migration 3 can clear an error in migration 7. The publisher sends only what changed.
 */
import type { Diagnostic } from 'vscode-languageserver';
import { joinPath } from '../../engine/analyze';
import { pathToUri, toDiagnostic } from '../adapters';
import type { FolderState } from '../workspaceIndex';

export function folderDiagnostics(st: FolderState): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  const a = st.analysis;
  if (!a) return out;
  for (const m of a.migrations) out.set(pathToUri(m.path), []);
  for (const s of a.skipped) out.set(pathToUri(joinPath(st.folder, s.name)), []);
  for (const f of a.findings) {
    const uri = pathToUri(f.file);
    let list = out.get(uri);
    if (!list) out.set(uri, (list = []));
    list.push(toDiagnostic(f));
  }
  return out;
}

/** Remembers what each URI last received; `diff` returns only the URIs whose diagnostics changed. */
export class DiagnosticsPublisher {
  private readonly last = new Map<string, string>();
  /** URIs each folder published, to clear files that left the folder (renamed, deleted). */
  private readonly byFolder = new Map<string, Set<string>>();

  diff(folder: string, next: Map<string, Diagnostic[]>): [string, Diagnostic[]][] {
    const changed: [string, Diagnostic[]][] = [];
    const prev = this.byFolder.get(folder) ?? new Set();
    for (const uri of prev) {
      if (!next.has(uri)) {
        this.last.delete(uri);
        changed.push([uri, []]);
      }
    }
    for (const [uri, diags] of next) {
      const key = JSON.stringify(diags);
      if (this.last.get(uri) === key) continue;
      this.last.set(uri, key);
      changed.push([uri, diags]);
    }
    this.byFolder.set(folder, new Set(next.keys()));
    return changed;
  }

  forgetFolder(folder: string): string[] {
    const uris = [...(this.byFolder.get(folder) ?? [])];
    for (const u of uris) this.last.delete(u);
    this.byFolder.delete(folder);
    return uris;
  }

  folders(): string[] {
    return [...this.byFolder.keys()];
  }
}
