/**
 * What exists before the first migration: Postgres built-ins (generated from a real PostgreSQL 15's
 * pg_catalog, plus what PostgreSQL 17 added for projects on 16 and later) and Supabase's platform objects
 * (generated from supabase-platform.sql applied to it), plus what each extension creates. See ./README.md;
 * the JSON files are generated, never hand-edited.
 */
import builtinsData from './builtins.json';
import builtins17Data from './builtins-17.json';
import platformData from './platform.json';
import extensionsData from './extensions.json';
import type { CatalogData, ExtensionCatalog, ExtensionsCatalog } from './catalogTypes';
import { ObjectRecord, objectKey } from '../objects';
import { canonicalTypeName } from '../names';
import { DEFAULT_POSTGRES_VERSION, grammarFor } from '../postgresVersion';
import type { ObjectKind } from '../types';

const bases = new Map<15 | 17, Map<string, ObjectRecord>>();

/**
 * Every built-in and platform object of a project on PostgreSQL `postgresVersion`, keyed like the timeline
 * keys objects: 15's built-ins up to 15, with 17's additions from 16 on (a function 16 added and 17 kept is
 * known to a 16 project too; what 18 added is not listed: a project on 18 treats pg_catalog as opaque, see
 * timeline/replay.ts). Built once per version, never mutated; the records both have are the same objects.
 */
export function baseObjects(postgresVersion: number = DEFAULT_POSTGRES_VERSION): ReadonlyMap<string, ObjectRecord> {
  const v = grammarFor(postgresVersion) === 15 ? 15 : 17;
  let base = bases.get(v);
  if (!base) {
    if (v === 15) {
      base = new Map();
      addCatalog(base, builtinsData as unknown as CatalogData, 'builtin');
      addCatalog(base, platformData as unknown as CatalogData, 'platform');
    } else {
      const into = (base = new Map(baseObjects(15)));
      // a new overload of a function 15 has: this map's own copy of its record gets the signature
      const own = (r: ObjectRecord): ObjectRecord => {
        const copy = { ...r, signatures: r.signatures && [...r.signatures] };
        into.set(r.key, copy);
        return copy;
      };
      addCatalog(into, builtins17Data as unknown as Partial<CatalogData>, 'builtin', undefined, undefined, own);
    }
    bases.set(v, base);
  }
  return base;
}

export function extensionCatalog(name: string): ExtensionCatalog | undefined {
  return (extensionsData as unknown as ExtensionsCatalog)[name];
}

export function knownExtensions(): string[] {
  return Object.keys(extensionsData as unknown as ExtensionsCatalog);
}

const TYPE_KIND: Record<string, ObjectRecord['kind']> = {
  enum: 'enum',
  domain: 'domain',
  composite: 'composite type',
  range: 'range type',
  multirange: 'range type',
  base: 'base type',
  pseudo: 'base type',
};

/** Add catalog objects to a map; `schemaFor` rewrites the extension placeholder schema. */
export function addCatalog(
  into: Map<string, ObjectRecord>,
  data: Partial<CatalogData>,
  origin: ObjectRecord['origin'],
  schemaFor: (s: string) => string = (s) => s,
  extension?: string,
  /** Before changing a record already in `into`: the record that may be changed (the timeline copies shared ones). */
  mutable: (r: ObjectRecord) => ObjectRecord = (r) => r,
): ObjectRecord[] {
  const added: ObjectRecord[] = [];
  const put = (rec: ObjectRecord) => {
    const existing = into.get(rec.key);
    if (existing && rec.ns === 'function' && existing.signatures && rec.signatures) {
      // overloads share one record
      const missing = rec.signatures.filter((s) => !existing.signatures!.includes(s));
      if (missing.length) mutable(existing).signatures!.push(...missing);
      return;
    }
    if (existing && rec.ns === 'function') return;
    into.set(rec.key, rec);
    added.push(rec);
  };
  for (const s of data.schemas ?? []) put({ key: objectKey('schema', '', s), ns: 'schema', kind: 'schema', schema: '', name: s, origin, extension });
  // (the platform's publications start empty: supabase_realtime has no tables until a migration adds them)
  for (const p of data.publications ?? []) put({ key: objectKey('publication', '', p), ns: 'publication', kind: 'publication', schema: '', name: p, origin, extension, members: [] });
  for (const e of data.installedExtensions ?? []) put({ key: objectKey('extension', '', e.name), ns: 'extension', kind: 'extension', schema: e.schema, name: e.name, origin, extension });
  for (const r of data.roles ?? []) put({ key: objectKey('role', '', r), ns: 'role', kind: 'role', schema: '', name: r, origin, extension });
  for (const r of data.relations ?? []) {
    const schema = schemaFor(r.schema);
    put({
      key: objectKey('relation', schema, r.name),
      ns: 'relation',
      kind: r.kind as ObjectKind,
      schema,
      name: r.name,
      origin,
      extension,
      primaryKey: r.primaryKey,
      columns: r.columns.map((c) => {
        const canonical = canonicalTypeName(c.type.replace(/\(.*\)/, ''));
        return { name: c.name, type: canonical, display: c.type, notNull: c.notNull, primaryKey: !!r.primaryKey?.includes(c.name) };
      }),
    });
  }
  for (const t of data.types ?? []) {
    const schema = schemaFor(t.schema);
    put({ key: objectKey('type', schema, t.name), ns: 'type', kind: TYPE_KIND[t.kind] ?? 'type', schema, name: t.name, origin, extension });
  }
  for (const f of data.functions ?? []) {
    const schema = schemaFor(f.schema);
    put({
      key: objectKey('function', schema, f.name),
      ns: 'function',
      kind: f.kind as ObjectKind,
      schema,
      name: f.name,
      origin,
      extension,
      signatures: [f.args.map((a) => canonicalTypeName(a)).join(',')],
      returns: f.returns,
    });
  }
  return added;
}
