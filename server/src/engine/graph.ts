/** Migration dependency graph: which migration uses objects created by which, forward edges flagged. */
import type { Timeline } from './timeline';
import { displayName } from './objects';

export interface GraphNode {
  index: number;
  file: string;
  name: string;
  version: string;
}

export interface GraphEdge {
  /** The migration that uses the objects. */
  from: number;
  /** The migration that creates them. */
  to: number;
  objects: string[];
  /** The creator runs later than the user: the user fails. */
  forward: boolean;
  /** Every use behind the edge is inside a function body, checked only when it runs (not an apply-order need). */
  deferred: boolean;
}

export interface DependencyGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export function buildGraph(nodes: GraphNode[], timeline: Timeline): DependencyGraph {
  const edges = new Map<number, GraphEdge>();
  const labels = new Map<string, string>();
  const sets = new Map<GraphEdge, Set<string>>();
  const n = nodes.length + 1;
  timeline.refs.forEach((refs, fi) => {
    for (const r of refs) {
      const res = r.resolution;
      let creator: number | undefined;
      let key: string | undefined;
      if (res.status === 'ok' && res.creator) {
        creator = res.creator.file;
        key = res.key;
      } else if (res.status === 'forward') {
        creator = res.creator.file;
        key = res.key;
      }
      if (creator === undefined || key === undefined || creator === fi) continue;
      const id = fi * n + creator;
      let e = edges.get(id);
      if (!e) {
        e = { from: fi, to: creator, objects: [], forward: creator > fi, deferred: true };
        edges.set(id, e);
        sets.set(e, new Set());
      }
      if (!r.ref.deferred) e.deferred = false;
      let label = labels.get(key);
      if (label === undefined) {
        const rec = timeline.lookup(key);
        label = rec ? displayName(rec) : key.slice(key.indexOf(':') + 1);
        labels.set(key, label);
      }
      const seen = sets.get(e)!;
      if (!seen.has(label)) {
        seen.add(label);
        e.objects.push(label);
      }
    }
  });
  const list = [...edges.values()].sort((a, b) => a.from - b.from || a.to - b.to);
  for (const e of list) e.objects.sort();
  return { nodes, edges: list };
}

/** The graph as indented text (tests, CLI `graph --format text`). */
export function graphToText(g: DependencyGraph): string {
  const lines: string[] = [];
  for (const n of g.nodes) {
    lines.push(n.name);
    for (const e of g.edges.filter((x) => x.from === n.index)) {
      lines.push(`  ${e.forward ? '!' : '→'} ${g.nodes[e.to].name}: ${e.objects.join(', ')}${e.forward ? '  (forward: created later)' : ''}${e.deferred ? '  (in function bodies only)' : ''}`);
    }
  }
  return lines.join('\n');
}

export function graphToDot(g: DependencyGraph): string {
  const q = (s: string) => JSON.stringify(s);
  const lines = ['digraph migrations {', '  rankdir=LR;', '  node [shape=box, fontname="Helvetica"];'];
  for (const n of g.nodes) lines.push(`  n${n.index} [label=${q(n.name)}];`);
  for (const e of g.edges) {
    const label = e.objects.length > 3 ? `${e.objects.slice(0, 3).join('\\n')}\\n+${e.objects.length - 3} more` : e.objects.join('\\n');
    lines.push(`  n${e.from} -> n${e.to} [label=${q(label).replace(/\\\\n/g, '\\n')}${e.forward ? ', color=red, fontcolor=red, style=bold' : ''}];`);
  }
  lines.push('}');
  return lines.join('\n');
}

export function graphToMermaid(g: DependencyGraph): string {
  const esc = (s: string) => s.replace(/"/g, '#quot;');
  const lines = ['graph LR'];
  for (const n of g.nodes) lines.push(`  n${n.index}["${esc(n.name)}"]`);
  const forwardLinks: number[] = [];
  g.edges.forEach((e, i) => {
    const label = e.objects.length > 3 ? `${e.objects.slice(0, 3).join(', ')} +${e.objects.length - 3}` : e.objects.join(', ');
    lines.push(`  n${e.from} -->|"${esc(label)}"| n${e.to}`);
    if (e.forward) forwardLinks.push(i);
  });
  if (forwardLinks.length) lines.push(`  linkStyle ${forwardLinks.join(',')} stroke:#d33,stroke-width:2px,color:#d33`);
  return lines.join('\n');
}
