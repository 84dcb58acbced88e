/**
 * Answering a reference at a point of the replay: the keys its name can mean (search path, a trigger's or
 * policy's table), the first one that exists, else whether a later migration creates it, it was dropped or
 * renamed, or it is unknown (with "did you mean" suggestions, suggestions.ts).
 */
import { creationSchema } from '../facts';
import type { RefFact } from '../facts';
import { before, objectKey, Point, samePoint } from '../objects';
import type { Namespace } from '../types';
import type { Replay } from './replay';
import type { Resolution, ResolvedRef } from './types';

const RELATION_LIKE = new Set(['table', 'partitioned table', 'view', 'materialized view', 'foreign table']);
const NO_SUGGESTIONS: string[] = Object.freeze([]) as unknown as string[];

/** The keys `ref` can name, most likely first (a trigger's or policy's depend on its table at this point). */
export function candidates(r: Replay, ref: RefFact): string[] {
  const { ns, name } = ref;
  if (ns === 'trigger' || ns === 'policy') {
    const parent = ref.parent;
    if (!parent) return [];
    const keys = candidateKeys('relation', parent.schema, parent.name, ref.path);
    // a table that does not exist (yet): the key a CREATE on it gives its triggers and policies (effects.ts
    // `create`), so that a DROP ... IF EXISTS removes what such a CREATE made, whatever the table's state
    const pk = keys.find((k) => r.get(k)) ?? (parent.schema ? keys[0] : objectKey('relation', creationSchema(ref.path), parent.name));
    if (!pk) return [];
    const rest = pk.slice(pk.indexOf(':') + 1);
    const dot = rest.indexOf('.');
    return [objectKey(ns, rest.slice(0, dot), name, rest.slice(dot + 1))];
  }
  return (ref.keys ??= candidateKeys(ns, ref.schema, name, ref.path));
}

/** What `ref`, used at `point`, names in the replay's state (or as of `histAt` while re-resolving). */
export function resolve(r: Replay, ref: RefFact, point: Point): Resolution {
  const keys = candidates(r, ref);
  for (const k of keys) {
    const rec = r.get(k);
    if (rec && (ref.ns !== 'type' || rec.ns === 'type' || RELATION_LIKE.has(rec.kind))) {
      // one (immutable) resolution object per object state, shared by every reference to it
      const creator = r.histAt < 0 ? rec.def?.point : r.histCreator;
      const cached = r.okResolutions.get(rec);
      if (cached && cached.key === k && cached.creator === creator) return cached;
      const ok: Resolution & { status: 'ok' } = { status: 'ok', key: k, creator };
      r.okResolutions.set(rec, ok);
      return ok;
    }
  }
  // `_name`: the array type PostgreSQL makes with every type, by its internal name (as pg_dump and some
  // tools write `_text`, `_int4`): it exists wherever its element type does
  if (ref.ns === 'type' && ref.name.length > 1 && ref.name[0] === '_') {
    const element = resolve(r, elementTypeRef(ref), point);
    if (element.status === 'ok') return element;
  }
  if (ref.optional) return { status: 'missing-optional' };
  // created later? (streamed: only later in this file is known yet; later files are settled at the end, and
  // any of those comes after a creation further down this file, which is the answer then)
  const best = laterCreation(r, keys, point);
  if (best) return { status: 'forward', key: best.key, creator: best.creator };
  for (const k of keys) {
    const g = r.goneOf(k);
    if (g) {
      if (r.stream) r.pendingKeys.set(ref, keys);
      return { status: 'dropped', key: k, gone: g };
    }
  }
  const opaque = keys.some((k) => isOpaqueKey(r, k));
  if (r.stream) r.pendingKeys.set(ref, keys);
  return { status: 'unknown', suggestions: r.stream ? NO_SUGGESTIONS : r.names.suggest(ref, keys), opaque };
}

const elementRefs = new WeakMap<RefFact, RefFact>();

/** The element type of a `_name` type reference (one per reference, so that its keys are computed once). */
function elementTypeRef(ref: RefFact): RefFact {
  let e = elementRefs.get(ref);
  if (!e) elementRefs.set(ref, (e = { ...ref, name: ref.name.slice(1), keys: undefined }));
  return e;
}

/**
 * What `Replay.addOpaque` records: a whole schema (`schema`), one kind of member of a schema (`ns:schema.`),
 * one object (its key), or (schema null: DDL run as dynamic SQL, resolution of `DynamicCreateEffect`) one kind
 * of member of any schema (`ns:`).
 */
export function opaqueKey(schema: string | null, ns?: Namespace, name?: string | null): string {
  if (!ns) return schema ?? '';
  if (ns === 'schema') return name ? objectKey(ns, '', name) : 'schema:';
  return schema === null ? `${ns}:` : objectKey(ns, schema, name ?? '');
}

/** Whether `key` (`ns:schema.name`, `ns:name`) names something that may exist though the catalog does not list it. */
export function isOpaqueKey(r: Replay, key: string): boolean {
  const colon = key.indexOf(':');
  const dot = key.indexOf('.', colon);
  const schema = dot < 0 ? key.slice(colon + 1) : key.slice(colon + 1, dot);
  return r.isOpaque(schema) || r.isOpaque(key) || r.isOpaque(key.slice(0, colon + 1)) || (dot >= 0 && r.isOpaque(key.slice(0, dot + 1)));
}

/** The first creation of one of `keys` after `point`, as known. */
export function laterCreation(r: Replay, keys: string[], point: Point): { key: string; creator: Point } | undefined {
  let best: { key: string; creator: Point } | undefined;
  for (const k of keys) {
    const list = r.creations.of(k);
    if (!list) continue;
    const next = list.find((p) => before(point, p));
    if (next && (!best || before(next, best.creator))) best = { key: k, creator: next };
  }
  return best;
}

/** Whether two answers are the same, field by field. */
export function sameResolution(r: Resolution, s: Resolution): boolean {
  if (r === s) return true;
  switch (r.status) {
    case 'ok':
      return s.status === 'ok' && r.key === s.key && samePoint(r.creator, s.creator);
    case 'forward':
      return s.status === 'forward' && r.key === s.key && samePoint(r.creator, s.creator);
    case 'missing-optional':
      return s.status === 'missing-optional';
    case 'dropped': {
      if (s.status !== 'dropped' || r.key !== s.key) return false;
      const g = r.gone;
      const h = s.gone;
      return g === h || (samePoint(g.point, h.point) && g.how === h.how && g.to === h.to && g.range === h.range);
    }
    case 'unknown':
      return s.status === 'unknown' && r.opaque === s.opaque && r.suggestions.length === s.suggestions.length && r.suggestions.every((x, i) => x === s.suggestions[i]);
  }
}

/**
 * A file's references that did not resolve to an existing object (forward, dropped, unknown): for the rules
 * about them and for re-resolving them after a resumed replay, one pass over the file's references instead
 * of one per use. Cached per array: the timeline replaces a file's array when it resolves the file again,
 * never changes one in place.
 */
export function unresolvedRefs(refs: ResolvedRef[]): ResolvedRef[] {
  let out = unresolvedCache.get(refs);
  if (!out) {
    out = [];
    for (const r of refs) {
      const st = r.resolution.status;
      if (st !== 'ok' && st !== 'missing-optional') out.push(r);
    }
    unresolvedCache.set(refs, out);
  }
  return out;
}
const unresolvedCache = new WeakMap<ResolvedRef[], ResolvedRef[]>();

/** Schemas searched for an unqualified name: pg_temp (relations), pg_catalog, then the search path. */
export function searchSchemas(path: string[], ns: Namespace): string[] {
  const out: string[] = [];
  if (ns === 'relation' || ns === 'type') out.push('pg_temp');
  if (!path.includes('pg_catalog')) out.push('pg_catalog');
  for (const s of path) if (s !== '$user' && !out.includes(s)) out.push(s);
  return out;
}

/** Candidate keys for a name: cached, since the same names and search paths recur everywhere. */
const candidateCache = new WeakMap<string[], Map<string, string[]>>();
const qualifiedCache = new Map<string, string[]>();

function candidateKeys(ns: Namespace, schema: string | null, name: string, path: string[]): string[] {
  if (ns === 'schema' || ns === 'extension' || ns === 'role' || ns === 'publication') {
    // (the cache is looked up with the concatenated name; only a miss pays for interning it)
    const k = `${ns}:${name}`;
    let v = qualifiedCache.get(k);
    if (!v) qualifiedCache.set(k, (v = [objectKey(ns, '', name)]));
    return v;
  }
  if (schema) {
    const k = `${ns}:${schema}.${name}`;
    let v = qualifiedCache.get(k);
    if (!v) {
      if (qualifiedCache.size > 500_000) qualifiedCache.clear();
      const key = objectKey(ns, schema, name);
      v = ns === 'type' ? [key, objectKey('relation', schema, name)] : [key];
      qualifiedCache.set(k, v);
    }
    return v;
  }
  let byName = candidateCache.get(path);
  if (!byName) candidateCache.set(path, (byName = new Map()));
  const k = `${ns}\u0000${name}`;
  let v = byName.get(k);
  if (!v) {
    v = [];
    for (const s of searchSchemas(path, ns)) {
      v.push(objectKey(ns, s, name));
      if (ns === 'type') v.push(objectKey('relation', s, name));
    }
    byName.set(k, v);
  }
  return v;
}
