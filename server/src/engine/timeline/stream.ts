/**
 * The command line's streamed replay (`TimelineStream`): each file's facts loaded when the replay gets to
 * it, pruned once it is replayed to what the rules and the dependency graph read, and, after the last file,
 * the uses that found nothing settled against every file's creations (forward uses, suggestions).
 */
import type { Effect, RefFact } from '../facts';
import type { Replay } from './replay';
import { candidates, laterCreation } from './resolution';
import type { Resolution, ResolvedRef } from './types';

const NO_REFS: RefFact[] = Object.freeze([]) as unknown as RefFact[];
const NO_EFFECTS: Effect[] = Object.freeze([]) as unknown as Effect[];

/** Migration `fi`'s facts, loaded: its creations and names are known from here on. */
export function loadStreamed(r: Replay, fi: number): void {
  const facts = r.stream!.load(fi);
  r.files[fi] = { path: r.files[fi].path, facts };
  r.creations.addFile(fi, facts);
  r.names.addFile(facts);
}

/**
 * A streamed file once replayed: of its resolved references, those the rules report (every one that did
 * not resolve), one per object of another migration it uses (the dependency graph's edges) and its uses
 * of functions outside function bodies (dependencies, for incompatible-replace); of its
 * facts, what the rules read (statement ranges, directives, syntax errors, line index); the effects' parts
 * the state holds (columns, created objects) stay reachable from it. The rest is garbage from here on.
 * A file that adds an enum value is kept whole (rare, and the rules compare its references' answers).
 */
export function pruneStreamed(r: Replay, fi: number): void {
  // a file that adds an enum value keeps everything: unsafe-enum-value compares its statements' type references
  if (r.files[fi].facts.statements.some((st) => st.enumValueAdded)) return;
  const kept: ResolvedRef[] = [];
  const edges = new Set<string>();
  for (const x of r.refs[fi]) {
    const res = x.resolution;
    if (res.status === 'ok') {
      // a use of a function outside a body is a dependency Postgres records (incompatible-replace names them)
      if (x.ref.ns === 'function' && !x.ref.deferred) {
        kept.push(x);
        continue;
      }
      if (!res.creator || res.creator.file === fi) continue;
      // the graph needs each (creator, object) once, and whether some use is outside a function body
      const id = `${res.creator.file}\u0000${res.key}\u0000${x.ref.deferred ? 1 : 0}`;
      if (edges.has(id)) continue;
      edges.add(id);
    } else if (res.status === 'missing-optional') continue;
    kept.push(x);
  }
  r.refs[fi] = kept;
  for (const st of r.files[fi].facts.statements) {
    st.refs = NO_REFS;
    st.effects = NO_EFFECTS;
  }
}

/**
 * After a streamed replay: every use settled (see `settleStreamed`), then what only the replay reads let go
 * (a streamed timeline is never resolved again): garbage before the rules run.
 */
export function endStream(r: Replay): void {
  settleStreamed(r);
  r.creations.from.clear();
  r.names.release();
  r.okResolutions.clear();
  r.state.historyOf.clear();
  r.pendingKeys.clear();
}

/**
 * A use that found nothing at its point was answered with what was known then (dropped, or unknown without
 * suggestions); with every file's creations now known it gets the answer `resolve` gives with all of them
 * up front: created by a later migration, else as it was, with the "did you mean" suggestions (from every
 * name the folder creates).
 */
function settleStreamed(r: Replay): void {
  for (let fi = 0; fi < r.refs.length; fi++) {
    const list = r.refs[fi];
    // (a new list when an answer changes: lists are never changed in place, see `unresolvedRefs`)
    let settled: ResolvedRef[] | undefined;
    for (let i = 0; i < list.length; i++) {
      const x = list[i];
      const res = x.resolution;
      if (res.status !== 'dropped' && res.status !== 'unknown') continue;
      // the names it was looked up under then (a trigger's or policy's depend on its table at that point)
      const keys = r.pendingKeys.get(x.ref) ?? candidates(r, x.ref);
      const later = laterCreation(r, keys, x.point);
      let resolution: Resolution | undefined;
      if (later) resolution = { status: 'forward', key: later.key, creator: later.creator };
      else if (res.status === 'unknown') resolution = { status: 'unknown', suggestions: r.names.suggest(x.ref, keys), opaque: res.opaque };
      if (resolution) (settled ??= list.slice())[i] = { ref: x.ref, point: x.point, resolution };
    }
    if (settled) r.refs[fi] = settled;
  }
}
