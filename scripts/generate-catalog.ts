/**
 * Regenerates server/src/engine/catalog/{builtins,platform,extensions}.json
 * from a throwaway PostgreSQL 15:
 *
 *   npx tsx scripts/generate-catalog.ts
 *
 * - builtins.json:   pg_catalog + information_schema of a fresh database.
 * - platform.json:   everything supabase-platform.sql (+ its preinstalled
 *                    stand-ins) creates, plus the roles it creates.
 * - extensions.json: for each extension available on this PostgreSQL and each
 *                    stand-in in catalog/standins/: its objects, read from a
 *                    scratch database after installing it.
 *
 * Output is sorted and compact so re-running gives identical files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Client } from 'pg';
import {
  CATALOG_DIR,
  headerList,
  platformShimSql,
  preinstalledStandins,
  quoteIdent,
  readStandins,
  standinSql,
  startPostgres,
  type PgServer,
  type StandinInfo,
} from '../test/support/postgres';
import {
  EXTSCHEMA,
  type CatalogData,
  type CatalogFunction,
  type CatalogOperatorClass,
  type CatalogRelation,
  type CatalogType,
  type ExtensionCatalog,
  type ExtensionsCatalog,
  type FunctionKind,
  type OpaqueMembers,
  type RelationKind,
  type TypeKind,
} from '../server/src/engine/catalog/catalogTypes';

/** Scratch schema an extension is installed into; renamed to @extschema@ in the output. */
const TARGET = 'zz_ext_target';
const BUILTIN_SCHEMAS = ['information_schema', 'pg_catalog', 'public'];
/** OIDs below this are created by initdb (FirstNormalObjectId). */
const FIRST_USER_OID = 16384;

type Cond = (catalog: string, oidExpr: string, nspExpr: string | null) => string;

export const builtinCond: Cond = (_catalog, oidExpr, nspExpr) =>
  nspExpr ? `${nspExpr} in ('pg_catalog', 'information_schema')` : `${oidExpr} < ${FIRST_USER_OID}`;

function userCond(excludeExtensionMembers: boolean): Cond {
  return (catalog, oidExpr, nspExpr) => {
    let s = `${oidExpr} >= ${FIRST_USER_OID}`;
    if (nspExpr) s += ` and ${nspExpr} not in ('pg_catalog', 'information_schema', 'pg_toast') and ${nspExpr} !~ '^pg_(toast_)?temp_'`;
    if (excludeExtensionMembers) {
      s += ` and not exists (select 1 from pg_depend d where d.classid = '${catalog}'::regclass and d.objid = ${oidExpr} and d.deptype = 'e')`;
    }
    return s;
  };
}

function extensionCond(extOid: string): Cond {
  return (catalog, oidExpr) =>
    `exists (select 1 from pg_depend d where d.classid = '${catalog}'::regclass and d.objid = ${oidExpr}` +
    ` and d.deptype = 'e' and d.refclassid = 'pg_extension'::regclass and d.refobjid = ${Number(extOid)})`;
}

const RELKINDS: Record<string, RelationKind> = {
  r: 'table',
  p: 'partitioned table',
  v: 'view',
  m: 'materialized view',
  f: 'foreign table',
  S: 'sequence',
};
const PROKINDS: Record<string, FunctionKind> = { f: 'function', p: 'procedure', a: 'aggregate', w: 'window' };
const TYPTYPES: Record<string, TypeKind> = {
  b: 'base',
  e: 'enum',
  d: 'domain',
  c: 'composite',
  r: 'range',
  m: 'multirange',
  p: 'pseudo',
};

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const uniqSorted = (xs: Iterable<string>) => [...new Set(xs)].sort(cmp);

interface ReadOptions {
  cond: Cond;
  withColumns: boolean;
  /** Maps schema names (and schema prefixes inside type strings). */
  rename?: (schema: string) => string;
  renameType?: (type: string) => string;
}

type Objects = Omit<CatalogData, 'roles' | 'installedExtensions'>;

export async function readObjects(c: Pick<Client, 'query'>, o: ReadOptions): Promise<Objects> {
  const { cond } = o;
  const rn = o.rename ?? ((s: string) => s);
  const rt = o.renameType ?? ((s: string) => s);
  await c.query('set search_path = pg_catalog');

  const schemas = (
    await c.query<{ nspname: string }>(
      `select n.nspname from pg_namespace n where ${cond('pg_namespace', 'n.oid', 'n.nspname')}`,
    )
  ).rows.map((r) => rn(r.nspname));

  const relRows = (
    await c.query<{ oid: string; schema: string; name: string; relkind: string }>(
      `select c.oid::text as oid, n.nspname as schema, c.relname as name, c.relkind::text as relkind
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p', 'v', 'm', 'f', 'S') and ${cond('pg_class', 'c.oid', 'n.nspname')}`,
    )
  ).rows;
  const relations = new Map<string, CatalogRelation>();
  for (const r of relRows) {
    relations.set(r.oid, { schema: rn(r.schema), name: r.name, kind: RELKINDS[r.relkind], columns: [] });
  }
  // columns for tables, views, ... (not for sequences: their columns are always the same)
  const oids = [...relations.entries()].filter(([, r]) => r.kind !== 'sequence').map(([oid]) => oid);
  if (o.withColumns && oids.length > 0) {
    const cols = await c.query<{ relid: string; attname: string; type: string; attnotnull: boolean }>(
      `select a.attrelid::text as relid, a.attname, format_type(a.atttypid, a.atttypmod) as type, a.attnotnull
         from pg_attribute a
        where a.attrelid = any($1::oid[]) and a.attnum > 0 and not a.attisdropped
        order by a.attrelid, a.attnum`,
      [oids],
    );
    for (const r of cols.rows) {
      relations.get(r.relid)!.columns.push({ name: r.attname, type: rt(r.type), notNull: r.attnotnull });
    }
    const pks = await c.query<{ relid: string; cols: string[] }>(
      `select con.conrelid::text as relid,
              array(select a.attname::text
                      from unnest(con.conkey) with ordinality k(attnum, ord)
                      join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum
                     order by k.ord) as cols
         from pg_constraint con
        where con.contype = 'p' and con.conrelid = any($1::oid[])`,
      [oids],
    );
    for (const r of pks.rows) relations.get(r.relid)!.primaryKey = r.cols;
  }

  const fnRows = (
    await c.query<{ schema: string; name: string; prokind: string; args: string[]; minargs: number; variadic: boolean; returns: string }>(
      `select n.nspname as schema, p.proname as name, p.prokind::text as prokind,
              array(select format_type(a.t, null)
                      from unnest(p.proargtypes::oid[]) with ordinality a(t, ord)
                     order by a.ord) as args,
              p.pronargs - p.pronargdefaults as minargs,
              p.provariadic <> 0 as variadic,
              case when p.proretset then 'SETOF ' else '' end || format_type(p.prorettype, null) as returns
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where ${cond('pg_proc', 'p.oid', 'n.nspname')}`,
    )
  ).rows;
  const functions = new Map<string, CatalogFunction>();
  for (const r of fnRows) {
    const f: CatalogFunction = {
      schema: rn(r.schema),
      name: r.name,
      kind: PROKINDS[r.prokind],
      args: r.args.map(rt),
      minArgs: Number(r.minargs),
      variadic: r.variadic,
      returns: rt(r.returns),
    };
    const key = JSON.stringify([f.schema, f.name, f.args]);
    if (!functions.has(key)) functions.set(key, f);
  }

  const typeRows = (
    await c.query<{ schema: string; name: string; typtype: string }>(
      `select n.nspname as schema, t.typname as name, t.typtype::text as typtype
         from pg_type t
         join pg_namespace n on n.oid = t.typnamespace
         left join pg_class rc on rc.oid = t.typrelid
        where ${cond('pg_type', 't.oid', 'n.nspname')}
          and not exists (select 1 from pg_type e where e.typarray = t.oid)
          and (t.typrelid = 0 or rc.relkind = 'c')`,
    )
  ).rows;
  const types: CatalogType[] = typeRows.map((r) => ({ schema: rn(r.schema), name: r.name, kind: TYPTYPES[r.typtype] }));

  const accessMethods = (
    await c.query<{ amname: string }>(`select a.amname from pg_am a where a.amtype = 'i' and ${cond('pg_am', 'a.oid', null)}`)
  ).rows.map((r) => r.amname);

  const operatorClasses: CatalogOperatorClass[] = (
    await c.query<{ am: string; name: string }>(
      `select am.amname as am, oc.opcname as name
         from pg_opclass oc
         join pg_am am on am.oid = oc.opcmethod
         join pg_namespace n on n.oid = oc.opcnamespace
        where ${cond('pg_opclass', 'oc.oid', 'n.nspname')}`,
    )
  ).rows.map((r) => ({ accessMethod: r.am, name: r.name }));

  return {
    schemas: uniqSorted(schemas),
    relations: [...relations.values()],
    functions: [...functions.values()],
    types,
    accessMethods,
    operatorClasses,
  };
}

export function sortObjects<T extends Objects>(o: T): T {
  o.relations.sort((a, b) => cmp(a.schema, b.schema) || cmp(a.name, b.name));
  o.functions.sort((a, b) => cmp(a.schema, b.schema) || cmp(a.name, b.name) || cmp(a.args.join(','), b.args.join(',')));
  o.types.sort((a, b) => cmp(a.schema, b.schema) || cmp(a.name, b.name));
  o.schemas = uniqSorted(o.schemas);
  o.accessMethods = uniqSorted(o.accessMethods ?? []);
  const seen = new Map<string, CatalogOperatorClass>();
  for (const oc of o.operatorClasses ?? []) seen.set(`${oc.accessMethod}:${oc.name}`, oc);
  o.operatorClasses = [...seen.values()].sort((a, b) => cmp(a.accessMethod, b.accessMethod) || cmp(a.name, b.name));
  return o;
}

async function withDatabase<T>(pg: PgServer, name: string, fn: (c: Client) => Promise<T>): Promise<T> {
  await pg.dropDatabase(name);
  await pg.createDatabase(name);
  const c = await pg.connect(name);
  try {
    return await fn(c);
  } finally {
    await c.end().catch(() => undefined);
    await pg.dropDatabase(name);
  }
}

// ---------------------------------------------------------------------------

async function generateBuiltins(pg: PgServer): Promise<CatalogData> {
  return withDatabase(pg, 'catalog_builtins', async (c) => {
    const objects = await readObjects(c, { cond: builtinCond, withColumns: false });
    const roles = (await c.query<{ rolname: string }>(`select rolname from pg_roles where oid < ${FIRST_USER_OID}`)).rows.map(
      (r) => r.rolname,
    );
    const present = (await c.query<{ nspname: string }>('select nspname from pg_namespace')).rows.map((r) => r.nspname);
    const data: CatalogData = {
      ...sortObjects(objects),
      schemas: BUILTIN_SCHEMAS.filter((s) => present.includes(s)),
      roles: uniqSorted(roles),
      publications: await readPublications(c),
    };
    return reorder(data);
  });
}

async function generatePlatform(pg: PgServer): Promise<CatalogData> {
  return withDatabase(pg, 'catalog_platform', async (c) => {
    await c.query(platformShimSql());
    const objects = await readObjects(c, { cond: userCond(false), withColumns: true });
    const roles = (await c.query<{ rolname: string }>(`select rolname from pg_roles where oid >= ${FIRST_USER_OID}`)).rows.map(
      (r) => r.rolname,
    );
    const installed = (
      await c.query<{ name: string; schema: string }>(
        `select e.extname as name, n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace`,
      )
    ).rows;
    const standins = new Map(readStandins().map((s) => [s.name, s]));
    for (const name of preinstalledStandins()) {
      installed.push({ name, schema: standins.get(name)?.schema ?? 'extensions' });
    }
    const data: CatalogData = {
      ...sortObjects(objects),
      roles: uniqSorted(roles),
      publications: await readPublications(c),
      installedExtensions: installed.sort((a, b) => cmp(a.name, b.name)),
    };
    return reorder(data);
  });
}

/** Publication names (pg_publication), sorted. */
async function readPublications(c: Client): Promise<string[]> {
  const rows = (await c.query<{ pubname: string }>('select pubname from pg_catalog.pg_publication')).rows;
  return uniqSorted(rows.map((r) => r.pubname));
}

/** Stable key order in the JSON. */
function reorder(d: CatalogData): CatalogData {
  const out: CatalogData = {
    schemas: d.schemas,
    roles: d.roles,
    relations: d.relations,
    functions: d.functions,
    types: d.types,
    accessMethods: d.accessMethods ?? [],
    operatorClasses: d.operatorClasses ?? [],
    publications: d.publications ?? [],
  };
  if (d.installedExtensions) out.installedExtensions = d.installedExtensions;
  return out;
}

const renameTarget = (s: string) => (s === TARGET ? EXTSCHEMA : s);
const targetPrefix = new RegExp(`(^|[^A-Za-z0-9_$"])${TARGET}\\.`, 'g');
const renameTargetInType = (t: string) => t.replace(targetPrefix, `$1${EXTSCHEMA}.`);

function extensionObjects(o: Objects): ExtensionCatalog['objects'] {
  const s = sortObjects(o);
  return {
    schemas: s.schemas.filter((x) => x !== EXTSCHEMA),
    relations: s.relations,
    functions: s.functions,
    types: s.types,
    accessMethods: s.accessMethods,
    operatorClasses: s.operatorClasses,
  };
}

interface AvailableExtension {
  name: string;
  relocatable: boolean;
  schema: string | null;
  requires: string[];
}

async function generateContribExtension(pg: PgServer, ext: AvailableExtension, dbName: string): Promise<ExtensionCatalog> {
  return withDatabase(pg, dbName, async (c) => {
    await c.query(`create schema ${quoteIdent(TARGET)}`);
    const already = await c.query(`select 1 from pg_extension where extname = $1`, [ext.name]);
    if (already.rowCount === 0) {
      const withSchema = ext.schema ? '' : ` with schema ${quoteIdent(TARGET)}`;
      await c.query(`create extension ${quoteIdent(ext.name)}${withSchema} cascade`);
    }
    const extOid = (await c.query<{ oid: string }>(`select oid::text from pg_extension where extname = $1`, [ext.name])).rows[0].oid;
    const objects = await readObjects(c, {
      cond: extensionCond(extOid),
      withColumns: true,
      rename: renameTarget,
      renameType: renameTargetInType,
    });
    // schemas the objects live in (other than the target), e.g. a fixed schema
    for (const list of [objects.relations, objects.functions, objects.types]) {
      for (const x of list) if (x.schema !== EXTSCHEMA) objects.schemas.push(x.schema);
    }
    return {
      name: ext.name,
      relocatable: ext.relocatable,
      fixedSchema: ext.schema,
      requires: uniqSorted(ext.requires),
      objects: extensionObjects(objects),
    };
  });
}

async function generateStandin(
  pg: PgServer,
  info: StandinInfo,
  all: Map<string, StandinInfo>,
  dbName: string,
): Promise<ExtensionCatalog> {
  return withDatabase(pg, dbName, async (c) => {
    await c.query(`create schema ${quoteIdent(TARGET)}`);
    for (const req of info.requires) {
      const dep = all.get(req);
      if (dep) {
        // stand-in dependency: its objects are not extension members, so they would be
        // attributed to this stand-in; not supported (none needed so far).
        throw new Error(`stand-in ${info.name} requires stand-in ${req}: not supported`);
      }
      await c.query(`create extension if not exists ${quoteIdent(req)} with schema ${quoteIdent(TARGET)} cascade`);
    }
    try {
      await c.query(standinSql(info, info.schema ?? TARGET));
    } catch (e) {
      const err = e as { message?: string; position?: string };
      throw new Error(`stand-in ${path.basename(info.file)} failed: ${err.message} (position ${err.position ?? '?'})`);
    }
    const objects = await readObjects(c, {
      cond: userCond(true),
      withColumns: true,
      rename: renameTarget,
      renameType: renameTargetInType,
    });
    for (const list of [objects.relations, objects.functions, objects.types]) {
      for (const x of list) if (x.schema !== EXTSCHEMA) objects.schemas.push(x.schema);
    }
    objects.accessMethods = [...(objects.accessMethods ?? []), ...info.accessMethods];
    const opclasses = [...(objects.operatorClasses ?? [])];
    for (const spec of info.operatorClasses) {
      const [am, name] = spec.split(':');
      if (!am || !name) throw new Error(`${info.file}: bad operator class "${spec}" (want am:name)`);
      opclasses.push({ accessMethod: am, name });
    }
    objects.operatorClasses = opclasses;
    return {
      name: info.name,
      relocatable: info.relocatable,
      fixedSchema: info.schema,
      requires: uniqSorted(info.requires),
      standin: true,
      ...(info.opaque.length ? { opaque: info.opaque.map(opaqueMembers) } : {}),
      objects: extensionObjects(objects),
    };
  });
}

/** `schema`, `schema:kind` or `schema:kind:name` (an `@opaque:` entry) as catalog data. */
function opaqueMembers(spec: string): OpaqueMembers {
  const [schema, ns, name] = spec.split(':');
  if (!schema || (ns !== undefined && ns !== 'relation' && ns !== 'function' && ns !== 'type')) throw new Error(`bad @opaque entry "${spec}"`);
  return { schema, ...(ns ? { ns } : {}), ...(name ? { name } : {}) };
}

/**
 * catalog/unmodelled-extensions.txt: the extensions of Supabase's image that neither this PostgreSQL nor a
 * stand-in has, one block of `@key: value` lines each. Their entries list no objects but the schemas they
 * create, and where their members go (`opaque`).
 */
function unmodelledExtensions(): ExtensionCatalog[] {
  const text = fs.readFileSync(path.join(CATALOG_DIR, 'unmodelled-extensions.txt'), 'utf8');
  const blocks = text
    .split(/\n\s*\n/)
    .map((b) => b.split('\n').filter((l) => l.startsWith('@')).map((l) => `-- ${l}`).join('\n'))
    .filter(Boolean);
  return blocks.map((b) => {
    const name = headerList(b, 'extension')[0];
    if (!name) throw new Error(`unmodelled-extensions.txt: a block without @extension: ${b}`);
    return {
      name,
      relocatable: headerList(b, 'relocatable')[0] === 'true',
      fixedSchema: headerList(b, 'schema')[0] ?? null,
      requires: uniqSorted(headerList(b, 'requires')),
      unmodelled: true,
      opaque: headerList(b, 'opaque').map(opaqueMembers),
      objects: { schemas: uniqSorted(headerList(b, 'creates')), relations: [], functions: [], types: [], accessMethods: [], operatorClasses: [] },
    };
  });
}

async function generateExtensions(pg: PgServer): Promise<ExtensionsCatalog> {
  const available = (
    await pg.query<{ name: string; relocatable: boolean; schema: string | null; requires: string[] }>(
      `select e.name::text as name, v.relocatable, v.schema::text as schema, coalesce(v.requires::text[], '{}') as requires
         from pg_available_extensions e
         join pg_available_extension_versions v on v.name = e.name and v.version = e.default_version
        order by e.name`,
    )
  ).map((r) => ({ name: r.name, relocatable: r.relocatable, schema: r.schema, requires: r.requires }));

  const out: ExtensionsCatalog = {};
  let i = 0;
  for (const ext of available) {
    try {
      out[ext.name] = await generateContribExtension(pg, ext, `catalog_ext_${i++}`);
    } catch (e) {
      console.warn(`warning: skipping extension ${ext.name}: ${(e as Error).message}`);
    }
  }
  const standins = readStandins();
  const byName = new Map(standins.map((s) => [s.name, s]));
  for (const s of standins) {
    if (out[s.name]) {
      console.warn(`note: ${s.name} is available for real on this PostgreSQL; using it instead of the stand-in`);
      continue;
    }
    out[s.name] = await generateStandin(pg, s, byName, `catalog_ext_${i++}`);
  }
  for (const u of unmodelledExtensions()) {
    if (out[u.name]) {
      console.warn(`note: ${u.name} is available on this PostgreSQL (or has a stand-in); unmodelled-extensions.txt's entry is not used`);
      continue;
    }
    out[u.name] = u;
  }
  const sorted: ExtensionsCatalog = {};
  for (const k of Object.keys(out).sort(cmp)) sorted[k] = out[k];
  return sorted;
}

function write(name: string, data: unknown): void {
  const file = path.join(CATALOG_DIR, name);
  fs.writeFileSync(file, JSON.stringify(data) + '\n');
  console.log(`wrote ${path.relative(process.cwd(), file)} (${(fs.statSync(file).size / 1024).toFixed(1)} KiB)`);
}

async function main(): Promise<void> {
  const pg = await startPostgres();
  try {
    const version = (await pg.query<{ server_version: string }>('show server_version'))[0].server_version;
    console.log(`PostgreSQL ${version}`);
    const builtins = await generateBuiltins(pg);
    const platform = await generatePlatform(pg);
    const extensions = await generateExtensions(pg);
    write('builtins.json', builtins);
    write('platform.json', platform);
    write('extensions.json', extensions);
    console.log(
      `builtins: ${builtins.functions.length} functions, ${builtins.types.length} types, ${builtins.relations.length} relations; ` +
        `platform: ${platform.relations.length} relations, ${platform.functions.length} functions, ${platform.roles.length} roles; ` +
        `extensions: ${Object.keys(extensions).length}`,
    );
  } finally {
    await pg.stop();
  }
}

// (also imported by generate-catalog-17.ts, for its queries)
if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.stack ?? e.message : e);
    process.exitCode = 1;
  });
}
