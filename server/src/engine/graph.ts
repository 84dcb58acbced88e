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

/**
 * The graph of a timeline. With `prev` (the same migrations' previous graph and timeline, before a replay
 * resumed after an edit), a file whose resolved references are the very same list as before keeps its edges;
 * only their labels are checked again (a label names the object as it is at the end, which the edit may
 * have changed). A replay keeps the list of every file whose references resolve as before (see
 * `ReplayStart.previous`): after an edit in the last migration, nearly all of them.
 */
export function buildGraph(
  nodes: GraphNode[],
  timeline: Timeline,
  /** With `changedKeys` (both replays resumed from one snapshot): labels of other keys are the same. */
  prev?: { graph: DependencyGraph; timeline: Timeline; changedKeys?: ReadonlySet<string> },
): DependencyGraph {
  const edges: GraphEdge[] = [];
  const labels = new Map<string, string>();
  const changed = prev?.changedKeys;
  const old = prev?.graph.edges ?? [];
  // in file order, each file's edges sorted: the list is sorted by (from, to); `j` walks the previous list
  let j = 0;
  for (let fi = 0; fi < timeline.refs.length; fi++) {
    while (j < old.length && old[j].from < fi) j++;
    const lo = j;
    while (j < old.length && old[j].from === fi) j++;
    if (prev && prev.timeline.refs[fi] === timeline.refs[fi]) {
      for (let x = lo; x < j; x++) {
        const e = old[x];
        edges.push(changed && !edgeKeys.get(e)!.some((k) => changed.has(k)) ? e : relabel(e, timeline, labels));
      }
    } else edgesFrom(fi, timeline, labels, edges);
  }
  return { nodes, edges };
}

/**
 * The graph after files `changed` were re-resolved (their effects unchanged): edges from them are rebuilt,
 * every other edge is kept (the objects they create, hence the edges into them, are the same).
 */
export function updateGraph(prev: DependencyGraph, timeline: Timeline, changed: ReadonlySet<number>): DependencyGraph {
  // Edges are sorted by (from, to): each changed file's run of edges is replaced where it is, without
  // touching (or sorting) the rest, so an edit costs its file's edges plus one copy of the list.
  const edges: GraphEdge[] = [];
  const labels = new Map<string, string>();
  let i = 0;
  for (const fi of [...changed].sort((a, b) => a - b)) {
    const [lo, hi] = edgeRunFrom(prev, fi);
    for (; i < lo; i++) edges.push(prev.edges[i]);
    edgesFrom(fi, timeline, labels, edges);
    i = hi;
  }
  for (; i < prev.edges.length; i++) edges.push(prev.edges[i]);
  return { nodes: prev.nodes, edges };
}

/** The edges from migration `fi`: `graph.edges.slice(lo, hi)` (binary search; edges are sorted by from). */
export function edgeRunFrom(graph: DependencyGraph, fi: number): [number, number] {
  const e = graph.edges;
  const first = (x: number) => {
    let lo = 0;
    let hi = e.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (e[mid].from < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return [first(fi), first(fi + 1)];
}

function byEnds(a: GraphEdge, b: GraphEdge): number {
  return a.from - b.from || a.to - b.to;
}

/** Append the edges of migration `fi` (one per migration it uses objects of), by target, objects sorted. */
function edgesFrom(fi: number, timeline: Timeline, labels: Map<string, string>, into: GraphEdge[]): void {
  const byCreator = new Map<number, { edge: GraphEdge; keys: Set<string> }>();
  for (const r of timeline.refs[fi]) {
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
    let e = byCreator.get(creator);
    if (!e) {
      e = { edge: { from: fi, to: creator, objects: [], forward: creator > fi, deferred: true }, keys: new Set() };
      byCreator.set(creator, e);
    }
    if (!r.ref.deferred) e.edge.deferred = false;
    e.keys.add(key);
  }
  const mine: GraphEdge[] = [];
  for (const { edge, keys } of byCreator.values()) {
    const list = [...keys];
    edge.objects = labelsOf(list, timeline, labels);
    edgeKeys.set(edge, list);
    mine.push(edge);
  }
  for (const edge of mine.sort(byEnds)) into.push(edge);
}

/** The keys of the objects behind each edge (its labels are computed from them). */
const edgeKeys = new WeakMap<GraphEdge, string[]>();

/** An edge kept from the previous graph: itself when its labels are unchanged, else a copy with the new ones. */
function relabel(edge: GraphEdge, timeline: Timeline, labels: Map<string, string>): GraphEdge {
  const keys = edgeKeys.get(edge)!;
  const objects = labelsOf(keys, timeline, labels);
  if (objects.length === edge.objects.length && objects.every((o, i) => o === edge.objects[i])) return edge;
  const copy = { ...edge, objects };
  edgeKeys.set(copy, keys);
  return copy;
}

/** Sorted distinct labels of keys: the object's display name as it is at the end, or the key's name part. */
function labelsOf(keys: string[], timeline: Timeline, labels: Map<string, string>): string[] {
  const out = new Set<string>();
  for (const key of keys) {
    let label = labels.get(key);
    if (label === undefined) labels.set(key, (label = objectLabel(timeline, key)));
    out.add(label);
  }
  return [...out].sort();
}

/** An object's label on a graph edge: its display name as it is at the end, or (dropped, renamed) the key's name part. */
export function objectLabel(timeline: Timeline, key: string): string {
  const rec = timeline.lookup(key);
  return rec ? displayName(rec) : key.slice(key.indexOf(':') + 1);
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
