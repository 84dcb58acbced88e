import { strict as assert } from 'node:assert';
import type {
  CatalogData,
  CatalogFunction,
  CatalogRelation,
  ExtensionsCatalog,
} from '../../server/src/engine/catalog/catalogTypes';
import builtinsJson from '../../server/src/engine/catalog/builtins.json';
import platformJson from '../../server/src/engine/catalog/platform.json';
import extensionsJson from '../../server/src/engine/catalog/extensions.json';
import {
  applyMigrations,
  findPostgresBinDir,
  platformShimSql,
  readStandins,
  startPostgres,
  type PgServer,
} from '../support/postgres';

const builtins = builtinsJson as unknown as CatalogData;
const platform = platformJson as unknown as CatalogData;
const extensions = extensionsJson as unknown as ExtensionsCatalog;

function fn(data: { functions: CatalogFunction[] }, schema: string, name: string): CatalogFunction[] {
  return data.functions.filter((f) => f.schema === schema && f.name === name);
}
function rel(data: { relations: CatalogRelation[] }, schema: string, name: string): CatalogRelation | undefined {
  return data.relations.find((r) => r.schema === schema && r.name === name);
}
function hasType(data: { types: CatalogData['types'] }, schema: string, name: string): boolean {
  return data.types.some((t) => t.schema === schema && t.name === name);
}

describe('catalog: builtins.json', () => {
  it('has core pg_catalog functions with signatures', () => {
    const now = fn(builtins, 'pg_catalog', 'now');
    assert.equal(now.length, 1);
    assert.deepEqual(now[0].args, []);
    assert.equal(now[0].returns, 'timestamp with time zone');
    assert.equal(fn(builtins, 'pg_catalog', 'gen_random_uuid')[0]?.returns, 'uuid');
    const jbo = fn(builtins, 'pg_catalog', 'jsonb_build_object');
    assert.ok(jbo.some((f) => f.variadic && f.args.length === 1), 'variadic jsonb_build_object("any")');
    assert.equal(fn(builtins, 'pg_catalog', 'count')[0]?.kind, 'aggregate');
    assert.equal(fn(builtins, 'pg_catalog', 'row_number')[0]?.kind, 'window');
  });

  it('records types by typname, without array types or catalog row types', () => {
    for (const t of ['uuid', 'timestamptz', 'int4', 'text', 'jsonb', 'bool']) {
      assert.ok(hasType(builtins, 'pg_catalog', t), `type ${t}`);
    }
    assert.ok(!hasType(builtins, 'pg_catalog', '_int4'), 'no array types');
    assert.ok(!hasType(builtins, 'pg_catalog', 'pg_class'), 'no catalog row types');
    assert.equal(builtins.types.find((t) => t.name === 'any')?.kind, 'pseudo');
  });

  it('has catalog relations without columns, one entry per function signature, builtin schemas and roles', () => {
    const pgClass = rel(builtins, 'pg_catalog', 'pg_class');
    assert.equal(pgClass?.kind, 'table');
    assert.deepEqual(pgClass?.columns, []);
    assert.equal(rel(builtins, 'information_schema', 'columns')?.kind, 'view');
    const keys = builtins.functions.map((f) => JSON.stringify([f.schema, f.name, f.args]));
    assert.equal(new Set(keys).size, keys.length);
    assert.deepEqual(builtins.schemas, ['information_schema', 'pg_catalog', 'public']);
    assert.ok(builtins.roles.includes('postgres'));
    assert.ok(!builtins.roles.includes('anon'), 'platform roles are not builtins');
    assert.ok(!builtins.schemas.includes('auth'));
    assert.ok(builtins.functions.every((f) => f.schema === 'pg_catalog' || f.schema === 'information_schema'));
  });
});

describe('catalog: platform.json', () => {
  it('has auth.users with id uuid primary key and the real columns', () => {
    const users = rel(platform, 'auth', 'users');
    assert.ok(users, 'auth.users');
    assert.equal(users.kind, 'table');
    assert.deepEqual(users.primaryKey, ['id']);
    const id = users.columns.find((c) => c.name === 'id');
    assert.deepEqual(id, { name: 'id', type: 'uuid', notNull: true });
    for (const c of ['email', 'raw_user_meta_data', 'raw_app_meta_data', 'created_at', 'phone', 'is_anonymous', 'deleted_at']) {
      assert.ok(users.columns.some((x) => x.name === c), `auth.users.${c}`);
    }
    assert.equal(users.columns.find((c) => c.name === 'raw_user_meta_data')?.type, 'jsonb');
  });

  it('has the auth / storage helper functions', () => {
    assert.equal(fn(platform, 'auth', 'uid')[0]?.returns, 'uuid');
    assert.equal(fn(platform, 'auth', 'jwt')[0]?.returns, 'jsonb');
    const fold = fn(platform, 'storage', 'foldername')[0];
    assert.deepEqual(fold?.args, ['text']);
    assert.equal(fold?.returns, 'text[]');
    assert.ok(fn(platform, 'storage', 'search').length === 1);
  });

  it('has storage tables, realtime, vault, preinstalled extensions in `extensions`', () => {
    const objects = rel(platform, 'storage', 'objects');
    assert.ok(objects?.columns.some((c) => c.name === 'owner_id'));
    assert.deepEqual(rel(platform, 'storage', 'buckets')?.primaryKey, ['id']);
    assert.equal(rel(platform, 'realtime', 'messages')?.kind, 'partitioned table');
    assert.ok(rel(platform, 'vault', 'secrets'));
    assert.ok(fn(platform, 'extensions', 'uuid_generate_v4').length === 1);
    assert.ok(fn(platform, 'extensions', 'crypt').length >= 1, 'pgcrypto in extensions');
    assert.ok(hasType(platform, 'auth', 'aal_level'));
    const inst = platform.installedExtensions ?? [];
    assert.deepEqual(inst.find((e) => e.name === 'pgcrypto'), { name: 'pgcrypto', schema: 'extensions' });
  });

  it('has the Supabase roles and schemas', () => {
    for (const r of ['anon', 'authenticated', 'service_role', 'authenticator', 'supabase_admin', 'supabase_auth_admin']) {
      assert.ok(platform.roles.includes(r), `role ${r}`);
    }
    for (const s of ['auth', 'storage', 'extensions', 'realtime', 'graphql', 'graphql_public', 'vault', 'supabase_migrations']) {
      assert.ok(platform.schemas.includes(s), `schema ${s}`);
    }
    assert.ok(!platform.relations.some((r) => r.schema === 'pg_catalog'));
  });
});

describe('catalog: extensions.json', () => {
  it('has contrib extensions with objects in @extschema@', () => {
    const trgm = extensions['pg_trgm'];
    assert.ok(trgm);
    assert.equal(trgm.fixedSchema, null);
    assert.ok(trgm.objects.functions.some((f) => f.name === 'similarity' && f.schema === '@extschema@'));
    assert.ok(trgm.objects.operatorClasses?.some((o) => o.accessMethod === 'gin' && o.name === 'gin_trgm_ops'));
    const hstore = extensions['hstore'];
    assert.ok(hstore.objects.types.some((t) => t.name === 'hstore' && t.schema === '@extschema@'));
    assert.ok(hstore.objects.functions.some((f) => f.args.includes('@extschema@.hstore')), 'type strings use @extschema@');
    assert.deepEqual(extensions['earthdistance'].requires, ['cube']);
    assert.ok(extensions['moddatetime'].objects.functions.some((f) => f.name === 'moddatetime' && f.returns === 'trigger'));
    assert.equal(extensions['plpgsql'].fixedSchema, 'pg_catalog');
    assert.ok(extensions['uuid-ossp'] && extensions['pgcrypto']);
  });

  it('has stand-ins: vector, pg_cron, pg_net, http, wrappers, vault, graphql', () => {
    const vector = extensions['vector'];
    assert.ok(vector?.standin);
    assert.ok(vector.objects.types.some((t) => t.name === 'vector' && t.schema === '@extschema@'));
    assert.ok(vector.objects.functions.some((f) => f.name === 'cosine_distance'));
    assert.deepEqual(vector.objects.accessMethods, ['hnsw', 'ivfflat']);
    assert.ok(vector.objects.operatorClasses?.some((o) => o.accessMethod === 'hnsw' && o.name === 'vector_cosine_ops'));

    const cron = extensions['pg_cron'];
    assert.equal(cron.fixedSchema, 'cron');
    const schedule = fn(cron.objects, 'cron', 'schedule');
    assert.deepEqual(schedule.map((f) => f.args.length).sort(), [2, 3]);
    assert.ok(rel(cron.objects, 'cron', 'job'));
    assert.deepEqual(fn(cron.objects, 'cron', 'unschedule').map((f) => f.args[0]).sort(), ['bigint', 'text']);

    assert.equal(extensions['pg_net'].fixedSchema, 'net');
    assert.ok(fn(extensions['pg_net'].objects, 'net', 'http_post').length === 1);
    assert.ok(rel(extensions['pg_net'].objects, 'net', '_http_response'));
    assert.ok(extensions['http'].objects.types.some((t) => t.name === 'http_response'));
    assert.ok(extensions['wrappers'].objects.functions.some((f) => f.name === 'stripe_fdw_handler' && f.returns === 'fdw_handler'));
    assert.ok(fn(extensions['supabase_vault'].objects, 'vault', 'create_secret').length === 1);
    assert.ok(fn(extensions['pg_graphql'].objects, 'graphql', 'resolve').length === 1);
    assert.deepEqual(extensions['pgjwt'].requires, ['pgcrypto']);
  });

  it('has an entry for every stand-in file', () => {
    for (const s of readStandins()) assert.ok(extensions[s.name], s.name);
  });
});

describe('test/support/postgres: real PostgreSQL 15', function () {
  this.timeout(120000);
  let server: PgServer | undefined;

  before(function () {
    if (!findPostgresBinDir()) {
      console.warn('    skipping: PostgreSQL 15 binaries not found (apt-get install postgresql-15)');
      this.skip();
    }
  });

  after(async () => {
    await server?.stop();
  });

  it('applies a migrations folder like the Supabase CLI (per-file transactions, continue after failure)', async () => {
    server = await startPostgres();
    const files = [
      {
        name: '20240101000000_profiles.sql',
        text:
          'create table public.profiles (id uuid primary key references auth.users (id) on delete cascade, bio text);\n' +
          'alter table public.profiles enable row level security;\n' +
          'create policy "own" on public.profiles for select to authenticated using (auth.uid() = id);\n' +
          'set search_path = nowhere;\n',
      },
      {
        name: '20240102000000_broken.sql',
        text: 'create table public.half_done (id int);\ninsert into public.missing values (1);\n',
      },
      {
        name: '20240103000000_after.sql',
        text: "select extensions.uuid_generate_v4(), storage.foldername('a/b/c.png');\ncreate table later (id uuid default uuid_generate_v4());\n",
      },
    ];
    const results = await applyMigrations(server, 'apply_test', files, { shimSql: platformShimSql() });
    assert.deepEqual(
      results.map((r) => [r.name, r.status]),
      [
        ['20240101000000_profiles.sql', 'ok'],
        ['20240102000000_broken.sql', 'failed'],
        ['20240103000000_after.sql', 'ok'],
      ],
    );
    const broken = results[1];
    assert.equal(broken.sqlstate, '42P01');
    assert.match(broken.message ?? '', /missing/);
    assert.equal(broken.position, files[1].text.indexOf('public.missing') + 1);

    // the failed file was rolled back; the search_path change did not leak into file 3
    const rows = await server.query<{ t: string | null }>("select to_regclass('public.half_done')::text as t", undefined, 'apply_test');
    assert.equal(rows[0].t, null);
    const later = await server.query<{ t: string | null }>("select to_regclass('public.later')::text as t", undefined, 'apply_test');
    assert.equal(later[0].t, 'later');

    // the shim is re-runnable in a second database of the same cluster (roles already exist)
    const again = await applyMigrations(server, 'apply_test_2', [files[0]], { shimSql: platformShimSql() });
    assert.equal(again[0].status, 'ok');
  });
});
