/**
 * Regenerates server/src/engine/catalog/builtins-17.json: the PostgreSQL built-ins (pg_catalog,
 * information_schema) of PostgreSQL 17 that builtins.json (PostgreSQL 15) does not list — functions by
 * signature, types, relations, index access methods, operator classes, predefined roles — read with
 * generate-catalog.ts's queries from PGlite 0.3.x (a real PostgreSQL 17 compiled to WASM; the PGlite verify
 * runs is a later one), installed outside the project:
 *
 *   (cd /tmp/pglite17 && npm init -y && npm i @electric-sql/pglite@0.3.16)
 *   PGLITE_MODULE=/tmp/pglite17/node_modules/@electric-sql/pglite npx tsx scripts/generate-catalog-17.ts
 *
 * A project on 16 or 17 knows these too (engine/catalog/index.ts); one on 15 does not. Objects 15 has and
 * 17 dropped are not listed (a 17 project using one is not reported: no error where unsure).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PGlite as PGliteClass } from '@electric-sql/pglite';
import { builtinCond, readObjects, sortObjects } from './generate-catalog';
import { CATALOG_DIR } from '../test/support/postgres';
import type { CatalogData } from '../server/src/engine/catalog/catalogTypes';

async function main(): Promise<void> {
  const modulePath = process.env.PGLITE_MODULE;
  if (!modulePath) throw new Error('PGLITE_MODULE: the path of a PGlite 0.3.x (PostgreSQL 17) package (see the header)');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { PGlite } = require(modulePath) as { PGlite: typeof PGliteClass };
  const db = await PGlite.create();
  try {
    const version = (await db.query<{ server_version: string }>('show server_version')).rows[0].server_version;
    if (!version.startsWith('17.')) throw new Error(`PGlite runs PostgreSQL ${version}, not 17: update this script (and the version in its output name)`);
    // readObjects speaks node-postgres; PGlite's query(text, params) answers the same { rows }
    const client = { query: (text: string, params?: unknown[]) => db.query(text, params) } as unknown as Parameters<typeof readObjects>[0];
    const objects = sortObjects(await readObjects(client, { cond: builtinCond, withColumns: false }));
    const roles = (await db.query<{ rolname: string }>('select rolname from pg_roles where oid < 16384 order by 1')).rows.map((r) => r.rolname);
    const old = JSON.parse(fs.readFileSync(path.join(CATALOG_DIR, 'builtins.json'), 'utf8')) as CatalogData;
    const has = <T>(list: T[] | undefined, key: (x: T) => string) => new Set((list ?? []).map(key));
    const fnKey = (f: CatalogData['functions'][number]) => JSON.stringify([f.schema, f.name, f.args]);
    const nameKey = (x: { schema: string; name: string }) => `${x.schema}.${x.name}`;
    const oldFns = has(old.functions, fnKey);
    const oldTypes = has(old.types, nameKey);
    const oldRels = has(old.relations, nameKey);
    const oldAms = new Set(old.accessMethods ?? []);
    const oldOpc = has(old.operatorClasses, (o) => `${o.accessMethod}:${o.name}`);
    const oldRoles = new Set(old.roles ?? []);
    const added: CatalogData = {
      schemas: [],
      relations: objects.relations.filter((r) => !oldRels.has(nameKey(r))),
      functions: objects.functions.filter((f) => !oldFns.has(fnKey(f))),
      types: objects.types.filter((t) => !oldTypes.has(nameKey(t))),
      accessMethods: (objects.accessMethods ?? []).filter((a) => !oldAms.has(a)),
      operatorClasses: (objects.operatorClasses ?? []).filter((o) => !oldOpc.has(`${o.accessMethod}:${o.name}`)),
      roles: roles.filter((r) => !oldRoles.has(r)),
      publications: [],
      installedExtensions: [],
    };
    const file = path.join(CATALOG_DIR, 'builtins-17.json');
    fs.writeFileSync(file, JSON.stringify({ postgres: version, ...added }) + '\n');
    console.log(
      `PostgreSQL ${version}: ${added.functions.length} functions, ${added.types.length} types, ${added.relations.length} relations, ` +
        `${added.roles?.length ?? 0} roles not in builtins.json → ${path.relative(process.cwd(), file)}`,
    );
  } finally {
    await db.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exitCode = 1;
});
