/** supabaseMigrations/dependencyGraph: every folder's migrations, edges and the objects behind them. */
import { graphToMermaid, objectLabel } from '../../engine/graph';
import type { DependencyGraphParams, DependencyGraphResult, GraphEdgeDto, GraphObjectDto, MigrationFolderGraphDto } from '../../protocol';
import { pathToUri, toRange } from '../adapters';
import type { FolderState, WorkspaceIndex } from '../workspaceIndex';

export function folderGraph(st: FolderState): MigrationFolderGraphDto | undefined {
  const a = st.analysis;
  if (!a) return undefined;
  const counts = a.migrations.map(() => ({ errors: 0, warnings: 0 }));
  const indexOf = new Map(a.migrations.map((m, i) => [m.path, i]));
  for (const f of a.findings) {
    const i = indexOf.get(f.file);
    if (i === undefined) continue;
    if (f.severity === 'error') counts[i].errors++;
    else if (f.severity === 'warning') counts[i].warnings++;
  }
  const edges: GraphEdgeDto[] = a.graph.edges.map((e) => {
    const objects = new Map<string, GraphObjectDto>();
    for (const r of a.timeline.refs[e.from]) {
      const res = r.resolution;
      const creator = res.status === 'ok' ? res.creator : res.status === 'forward' ? res.creator : undefined;
      if (!creator || creator.file !== e.to || !('key' in res)) continue;
      // named as the CLI's graph names it (a dropped or renamed object by its key's name part)
      const name = objectLabel(a.timeline, res.key);
      if (objects.has(name)) continue;
      const rec = a.timeline.byKey.get(res.key)?.record ?? a.timeline.lookup(res.key);
      objects.set(name, {
        name,
        location: rec?.def ? { uri: pathToUri(rec.def.file), range: toRange(rec.def.range) } : undefined,
        use: { uri: pathToUri(a.migrations[e.from].path), range: toRange(r.ref.range) },
      });
    }
    return { from: e.from, to: e.to, forward: e.forward, deferred: e.deferred, objects: [...objects.values()].sort((x, y) => x.name.localeCompare(y.name)) };
  });
  // team workflow: what the git base does not have is new on this branch; out-of-order as the rule says
  const baseVersions = st.baseline && new Set(st.baseline.migrations.map((b) => b.version));
  const outOfOrder = new Set(a.findings.filter((f) => f.code === 'out-of-order').map((f) => f.file));
  const branch = (version: string, file: string) => (baseVersions && !baseVersions.has(version) ? { newOnBranch: true, ...(outOfOrder.has(file) ? { outOfOrder: true } : {}) } : {});
  return {
    folderUri: pathToUri(st.folder),
    nodes: a.migrations.map((m, i) => ({ index: i, uri: pathToUri(m.path), name: m.name, version: m.version, ...counts[i], ...branch(m.version, m.path) })),
    edges,
    ...(st.baseline ? { base: st.baseline.label } : {}),
  };
}

/** Mermaid source of a folder's graph as the client gets it (object names as in its edges' `objects`). */
export function folderMermaid(f: MigrationFolderGraphDto): string {
  return graphToMermaid({
    nodes: f.nodes.map((n) => ({ index: n.index, file: n.uri, name: n.name, version: n.version })),
    edges: f.edges.map((e) => ({ from: e.from, to: e.to, forward: e.forward, deferred: e.deferred, objects: e.objects.map((o) => o.name) })),
  });
}

export function handleDependencyGraph(index: WorkspaceIndex, params: DependencyGraphParams = {}): DependencyGraphResult {
  const folders: MigrationFolderGraphDto[] = [];
  for (const st of [...index.folders.values()].sort((x, y) => x.folder.localeCompare(y.folder))) {
    index.analyze(st);
    const g = folderGraph(st);
    if (g) folders.push(params.mermaid ? { ...g, mermaid: folderMermaid(g) } : g);
  }
  return { folders, indexing: index.indexing };
}
