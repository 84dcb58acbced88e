/**
 * When and what the server publishes: folders whose files changed are collected and analysed together on
 * the next turn of the event loop (a burst of edits costs one analysis per folder), then only the files
 * whose diagnostics changed are sent, and the client is told the graph may have changed. Folders that
 * left the workspace get their files cleared.
 */
import path from 'node:path';
import { describePostgres } from '../host/supabaseConfig';
import type { Diagnostic } from 'vscode-languageserver';
import { parserLoaded } from '../engine/parser';
import { DiagnosticsPublisher, folderFindings } from './features/diagnostics';
import type { FolderState, WorkspaceIndex } from './workspaceIndex';

/** What publishing needs of the connection: the two messages it sends. */
export interface PublishSink {
  sendDiagnostics(uri: string, diagnostics: Diagnostic[]): void;
  /** `bases`: the git bases the folders are compared with (team workflow), as their findings name them. */
  graphChanged(problems: number, indexing: boolean, postgres: string[], bases: string[]): void;
}

export class PublishScheduler {
  private readonly publisher = new DiagnosticsPublisher();
  private readonly pending = new Set<FolderState>();
  private flushScheduled = false;

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly sink: PublishSink,
  ) {}

  /** Analyse and publish these folders on the next turn (undefined entries are ignored). */
  schedule(states: Iterable<FolderState | undefined>): void {
    for (const s of states) if (s) this.pending.add(s);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  /** Analyse and publish what is pending now. */
  flush(): void {
    this.flushScheduled = false;
    // Before the parser is loaded (the first scan is still running), the scan's own flush analyses them.
    if (!parserLoaded()) return;
    const states = [...this.pending];
    this.pending.clear();
    let changed = false;
    const done = new Set<FolderState>();
    for (const scheduled of states) {
      // the folder as it is now: a re-read of the folder since replaced the state that was scheduled
      const st = this.index.folders.get(scheduled.folder);
      if (!st || done.has(st)) continue;
      done.add(st);
      this.index.analyze(st);
      for (const [uri, diagnostics] of this.publisher.diff(st.folder, folderFindings(st))) {
        this.sink.sendDiagnostics(uri, diagnostics);
        changed = true;
      }
    }
    // folders that disappeared: clear their files
    for (const f of this.publisher.folders()) {
      if (this.index.folders.has(f)) continue;
      for (const uri of this.publisher.forgetFolder(f)) this.sink.sendDiagnostics(uri, []);
      changed = true;
    }
    if (changed || states.length) this.notifyGraph();
  }

  private notifyGraph(): void {
    let problems = 0;
    for (const st of this.index.folders.values()) problems += st.analysis?.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').length ?? 0;
    const postgres = [...this.index.folders.values()].map((st) => `${path.basename(path.dirname(st.folder))}/${path.basename(st.folder)}: ${describePostgres(st.postgres, (f) => path.relative(st.root, f))}`);
    const bases = [...new Set([...this.index.folders.values()].flatMap((st) => (st.baseline ? [st.baseline.label] : [])))];
    this.sink.graphChanged(problems, this.index.indexing, postgres, bases);
  }
}
