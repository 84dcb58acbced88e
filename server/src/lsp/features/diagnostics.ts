/**
 * Diagnostics for every file of a folder — migrations and skipped files alike, including empty lists, so
 * that an edit in migration 3 can clear an error in migration 7. The publisher sends only what changed.
 */
import type { Diagnostic } from 'vscode-languageserver';
import { joinPath } from '../../engine/analyze';
import { pathToUri, toDiagnostic } from '../adapters';
import type { Finding } from '../../engine/types';
import type { FolderState } from '../workspaceIndex';

/** Findings of every file of a folder by URI (empty lists for clean files). */
export function folderFindings(st: FolderState): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  const a = st.analysis;
  if (!a) return out;
  for (const m of a.migrations) out.set(pathToUri(m.path), []);
  for (const s of a.skipped) out.set(pathToUri(joinPath(st.folder, s.name)), []);
  for (const f of a.findings) {
    const uri = pathToUri(f.file);
    let list = out.get(uri);
    if (!list) out.set(uri, (list = []));
    list.push(f);
  }
  return out;
}

/** Remembers what each URI last received; `diff` returns only the URIs whose diagnostics changed. */
export class DiagnosticsPublisher {
  private readonly last = new Map<string, string>();
  /** The findings behind what was last sent (identity), to skip files an incremental analysis kept. */
  private readonly lastFindings = new Map<string, Finding[]>();
  /** URIs each folder published, to clear files that left the folder (renamed, deleted). */
  private readonly byFolder = new Map<string, Set<string>>();

  /**
   * What to publish for a folder's findings: only URIs whose diagnostics changed. A file whose findings
   * are the very objects it had last time (an incremental analysis keeps them) is skipped unconverted.
   */
  diff(folder: string, next: Map<string, Finding[]>): [string, Diagnostic[]][] {
    const changed: [string, Diagnostic[]][] = [];
    const prev = this.byFolder.get(folder) ?? new Set();
    for (const uri of prev) {
      if (!next.has(uri)) {
        this.last.delete(uri);
        this.lastFindings.delete(uri);
        changed.push([uri, []]);
      }
    }
    for (const [uri, findings] of next) {
      const before = this.lastFindings.get(uri);
      if (before && sameObjects(before, findings)) continue;
      this.lastFindings.set(uri, findings);
      const diags = findings.map(toDiagnostic);
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
    for (const u of uris) {
      this.last.delete(u);
      this.lastFindings.delete(u);
    }
    this.byFolder.delete(folder);
    return uris;
  }

  folders(): string[] {
    return [...this.byFolder.keys()];
  }
}

function sameObjects<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
