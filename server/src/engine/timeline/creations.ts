/**
 * Where every key is created, in apply order, for "created later by …" (a forward reference): read from
 * the facts before the replay (cached per file's facts), or file by file as a streamed replay loads them.
 */
import { extensionCatalog } from '../catalog';
import { creationSchema } from '../facts';
import type { CreateEffect, FileFacts, IndexFact, SequenceFact } from '../facts';
import { makeObjectName } from '../generatedNames';
import { objectKey, Point } from '../objects';
import type { TimelineFile, TimelineSnapshot } from './types';

/** Creations by key: those before the snapshot's file (they come with it), and those from it on. */
export class Creations {
  readonly before: Map<string, Point[]>;
  readonly from: Map<string, Point[]>;

  /**
   * (streamed: each file's creations are added when it is loaded, so only those up to the file being
   * replayed are known; uses of objects created by a later file are settled after the last one, see stream.ts)
   */
  constructor(files: TimelineFile[], snapshot: TimelineSnapshot | undefined, snapshotAt: number, streamed: boolean) {
    const split = snapshot ? snapshot.file : Math.min(files.length, Math.max(0, snapshotAt));
    this.before = snapshot?.createdBefore ?? (streamed ? new Map() : creationsIn(files, 0, split));
    this.from = streamed ? new Map() : creationsIn(files, split, files.length);
  }

  /** Where `key` is created, in order. */
  of(key: string): Point[] | undefined {
    const a = this.before.get(key);
    const b = this.from.get(key);
    return a && b ? a.concat(b) : (a ?? b);
  }

  /** Streamed: add migration `fi`'s creations as it is loaded. */
  addFile(fi: number, facts: FileFacts): void {
    addCreations(this.from, fi, createdKeysOf(facts));
  }
}

/** Keys a statement list creates, per file facts (facts are immutable: cached across runs). */
const createdKeysCache = new WeakMap<FileFacts, { key: string; stmt: number }[]>();

function createdKeys(facts: FileFacts): { key: string; stmt: number }[] {
  let list = createdKeysCache.get(facts);
  if (list) return list;
  list = createdKeysOf(facts);
  createdKeysCache.set(facts, list);
  return list;
}

/** The keys a file's statements create (uncached: a streamed replay reads each file's facts once). */
export function createdKeysOf(facts: FileFacts): { key: string; stmt: number }[] {
  const list: { key: string; stmt: number }[] = [];
  const add = (key: string, stmt: number) => list.push({ key, stmt });
  facts.statements.forEach((st, si) => {
    for (const e of st.effects) {
      if (e.type === 'create') {
        if (e.parentRef !== undefined) {
          const pr = st.refs[e.parentRef];
          const schema = pr.schema ?? creationSchema(pr.path);
          add(objectKey(e.ns, schema, e.name, pr.name), si);
        } else add(objectKey(e.ns, e.schema, e.name), si);
        if (e.indexes || e.sequences) implicitKeys(e.schema, e.name, e.indexes, e.sequences, (k) => add(k, si));
      } else if (e.type === 'alter-table') {
        if (!e.indexes && !e.sequences) continue;
        const r = st.refs[e.ref];
        implicitKeys(r.schema ?? creationSchema(r.path), r.name, e.indexes, e.sequences, (k) => add(k, si));
      } else if (e.type === 'extension') {
        add(objectKey('extension', '', e.name), si);
        const cat = extensionCatalog(e.name);
        if (!cat) continue;
        const target = cat.fixedSchema ?? e.schema ?? creationSchema(e.path);
        const sch = (s: string) => (s === '@extschema@' ? target : s);
        for (const s of cat.objects.schemas ?? []) add(objectKey('schema', '', sch(s)), si);
        for (const r of cat.objects.relations) add(objectKey('relation', sch(r.schema), r.name), si);
        for (const t of cat.objects.types) add(objectKey('type', sch(t.schema), t.name), si);
        for (const fn of cat.objects.functions) add(objectKey('function', sch(fn.schema), fn.name), si);
      } else if (e.type === 'rename') {
        const r = st.refs[e.ref];
        const schema = e.newSchema ?? r.schema ?? creationSchema(r.path);
        if (r.ns !== 'trigger' && r.ns !== 'policy') add(objectKey(r.ns, schema, e.newName ?? r.name), si);
      }
    }
  });
  return list;
}

/**
 * The keys of what a statement makes on table `schema.table` without naming it: constraint indexes and owned
 * sequences, by the names Postgres gives them when they are free (the replay may number them).
 */
function implicitKeys(schema: string, table: string, indexes: IndexFact[] | undefined, sequences: SequenceFact[] | undefined, add: (key: string) => void): void {
  for (const f of indexes ?? []) add(objectKey('relation', schema, f.name ?? makeObjectName(table, f.label === 'pkey' ? undefined : f.columns.join('_'), f.label)));
  for (const s of sequences ?? []) add(objectKey('relation', s.name !== undefined ? (s.schema ?? schema) : schema, s.name ?? makeObjectName(table, s.column, 'seq')));
}

/**
 * The key a CREATE makes, remembered per effect (with the schema, name and parent name it was built for: an
 * index, policy or trigger takes them from its table as resolved, an index without a name is named then), so that replaying the effect again
 * does not build it again (concatenating, flattening and interning a string).
 */
export function createdKey(e: CreateEffect, schema: string, name: string, parentName: string | undefined): string {
  const c = createdKeyCache.get(e);
  if (c && c.schema === schema && c.name === name && c.parentName === parentName) return c.key;
  const key = objectKey(e.ns, schema, name, parentName);
  createdKeyCache.set(e, { schema, name, parentName, key });
  return key;
}
const createdKeyCache = new WeakMap<CreateEffect, { schema: string; name: string; parentName: string | undefined; key: string }>();

/** Every creation in migrations [from, to), by key, in apply order (for "created later by …"). */
function creationsIn(files: TimelineFile[], from: number, to: number): Map<string, Point[]> {
  const out = new Map<string, Point[]>();
  for (let fi = from; fi < to; fi++) addCreations(out, fi, createdKeys(files[fi].facts));
  return out;
}

function addCreations(out: Map<string, Point[]>, fi: number, created: { key: string; stmt: number }[]): void {
  for (const { key, stmt } of created) {
    const p = { file: fi, stmt };
    const list = out.get(key);
    if (list) list.push(p);
    else out.set(key, [p]);
  }
}
