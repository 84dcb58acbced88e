import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
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

/**
 * Every pgvector 0.8.x function / aggregate, as granted by exact signature in a
 * real pg_dump of a database with `vector` in schema public
 * (corpus oriva-platform 20251010015852_remote_schema.sql). pg_dump output
 * GRANTs on each of them, so the stand-in must have them all.
 */
const PGVECTOR_SIGNATURES = `
  array_to_halfvec(double precision[], integer, boolean)
  array_to_halfvec(integer[], integer, boolean)
  array_to_halfvec(numeric[], integer, boolean)
  array_to_halfvec(real[], integer, boolean)
  array_to_sparsevec(double precision[], integer, boolean)
  array_to_sparsevec(integer[], integer, boolean)
  array_to_sparsevec(numeric[], integer, boolean)
  array_to_sparsevec(real[], integer, boolean)
  array_to_vector(double precision[], integer, boolean)
  array_to_vector(integer[], integer, boolean)
  array_to_vector(numeric[], integer, boolean)
  array_to_vector(real[], integer, boolean)
  avg(halfvec)
  avg(vector)
  binary_quantize(halfvec)
  binary_quantize(vector)
  cosine_distance(halfvec, halfvec)
  cosine_distance(sparsevec, sparsevec)
  cosine_distance(vector, vector)
  halfvec(halfvec, integer, boolean)
  halfvec_accum(double precision[], halfvec)
  halfvec_add(halfvec, halfvec)
  halfvec_avg(double precision[])
  halfvec_cmp(halfvec, halfvec)
  halfvec_combine(double precision[], double precision[])
  halfvec_concat(halfvec, halfvec)
  halfvec_eq(halfvec, halfvec)
  halfvec_ge(halfvec, halfvec)
  halfvec_gt(halfvec, halfvec)
  halfvec_in(cstring, oid, integer)
  halfvec_l2_squared_distance(halfvec, halfvec)
  halfvec_le(halfvec, halfvec)
  halfvec_lt(halfvec, halfvec)
  halfvec_mul(halfvec, halfvec)
  halfvec_ne(halfvec, halfvec)
  halfvec_negative_inner_product(halfvec, halfvec)
  halfvec_out(halfvec)
  halfvec_recv(internal, oid, integer)
  halfvec_send(halfvec)
  halfvec_spherical_distance(halfvec, halfvec)
  halfvec_sub(halfvec, halfvec)
  halfvec_to_float4(halfvec, integer, boolean)
  halfvec_to_sparsevec(halfvec, integer, boolean)
  halfvec_to_vector(halfvec, integer, boolean)
  halfvec_typmod_in(cstring[])
  hamming_distance(bit, bit)
  hnsw_bit_support(internal)
  hnsw_halfvec_support(internal)
  hnsw_sparsevec_support(internal)
  hnswhandler(internal)
  inner_product(halfvec, halfvec)
  inner_product(sparsevec, sparsevec)
  inner_product(vector, vector)
  ivfflat_bit_support(internal)
  ivfflat_halfvec_support(internal)
  ivfflathandler(internal)
  jaccard_distance(bit, bit)
  l1_distance(halfvec, halfvec)
  l1_distance(sparsevec, sparsevec)
  l1_distance(vector, vector)
  l2_distance(halfvec, halfvec)
  l2_distance(sparsevec, sparsevec)
  l2_distance(vector, vector)
  l2_norm(halfvec)
  l2_norm(sparsevec)
  l2_normalize(halfvec)
  l2_normalize(sparsevec)
  l2_normalize(vector)
  sparsevec(sparsevec, integer, boolean)
  sparsevec_cmp(sparsevec, sparsevec)
  sparsevec_eq(sparsevec, sparsevec)
  sparsevec_ge(sparsevec, sparsevec)
  sparsevec_gt(sparsevec, sparsevec)
  sparsevec_in(cstring, oid, integer)
  sparsevec_l2_squared_distance(sparsevec, sparsevec)
  sparsevec_le(sparsevec, sparsevec)
  sparsevec_lt(sparsevec, sparsevec)
  sparsevec_ne(sparsevec, sparsevec)
  sparsevec_negative_inner_product(sparsevec, sparsevec)
  sparsevec_out(sparsevec)
  sparsevec_recv(internal, oid, integer)
  sparsevec_send(sparsevec)
  sparsevec_to_halfvec(sparsevec, integer, boolean)
  sparsevec_to_vector(sparsevec, integer, boolean)
  sparsevec_typmod_in(cstring[])
  subvector(halfvec, integer, integer)
  subvector(vector, integer, integer)
  sum(halfvec)
  sum(vector)
  vector(vector, integer, boolean)
  vector_accum(double precision[], vector)
  vector_add(vector, vector)
  vector_avg(double precision[])
  vector_cmp(vector, vector)
  vector_combine(double precision[], double precision[])
  vector_concat(vector, vector)
  vector_dims(halfvec)
  vector_dims(vector)
  vector_eq(vector, vector)
  vector_ge(vector, vector)
  vector_gt(vector, vector)
  vector_in(cstring, oid, integer)
  vector_l2_squared_distance(vector, vector)
  vector_le(vector, vector)
  vector_lt(vector, vector)
  vector_mul(vector, vector)
  vector_ne(vector, vector)
  vector_negative_inner_product(vector, vector)
  vector_norm(vector)
  vector_out(vector)
  vector_recv(internal, oid, integer)
  vector_send(vector)
  vector_spherical_distance(vector, vector)
  vector_sub(vector, vector)
  vector_to_float4(vector, integer, boolean)
  vector_to_halfvec(vector, integer, boolean)
  vector_to_sparsevec(vector, integer, boolean)
  vector_typmod_in(cstring[])
`;

const PGVECTOR_TYPES = ['vector', 'halfvec', 'sparsevec'];
const VECTOR_DUMP = path.resolve(__dirname, '../corpus/oriva-platform/supabase/migrations/20251010015852_remote_schema.sql');

/** "name(a, b)" with pg_dump-style type names (quotes and "public." prefixes removed) -> catalog name/args. */
function parseSignature(sig: string): { name: string; args: string[] } {
  const m = /^([a-z0-9_]+)\((.*)\)$/.exec(sig.trim());
  if (!m) throw new Error(`bad signature ${sig}`);
  const args = m[2]
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean)
    .map((a) => (PGVECTOR_TYPES.includes(a) ? `@extschema@.${a}` : a));
  return { name: m[1], args };
}

/**
 * From a pg_dump with pgvector in schema public: the public functions that are
 * not created by the dump itself (so belong to an extension) and either take a
 * vector type or have a pgvector-specific name.
 */
function pgvectorGrantsInDump(text: string): string[] {
  const own = new Set<string>();
  for (const m of text.matchAll(/CREATE (?:OR REPLACE )?FUNCTION "public"\."([^"]+)"/g)) own.add(m[1]);
  const out = new Set<string>();
  for (const m of text.matchAll(/GRANT ALL ON FUNCTION "public"\."([^"]+)"\((.*)\) TO /g)) {
    const name = m[1];
    if (own.has(name)) continue;
    const args = m[2].replace(/"public"\./g, '').replace(/"/g, '');
    const vectorArgs = /\b(vector|halfvec|sparsevec)\b/.test(args);
    const vectorName = /vec|hnsw|ivfflat|hamming|jaccard|quantize|l[12]_|inner_product|cosine_distance/.test(name);
    if (vectorArgs || vectorName) out.add(`${name}(${args})`);
  }
  return [...out].sort();
}

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
    assert.deepEqual(platform.publications, ['supabase_realtime']);
    assert.deepEqual(builtins.publications, []);
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

  it('stand-ins have what the corpus migrations use from pg_cron, pg_net, vault, http, wrappers', () => {
    const cron = extensions['pg_cron'].objects;
    assert.equal(rel(cron, 'cron', 'jobid_seq')?.kind, 'sequence');
    assert.equal(rel(cron, 'cron', 'runid_seq')?.kind, 'sequence');
    assert.equal(rel(cron, 'cron', 'job')?.columns.find((c) => c.name === 'jobname')?.type, 'name');
    assert.ok(rel(cron, 'cron', 'job_run_details'));
    assert.equal(fn(cron, 'cron', 'schedule_in_database')[0]?.minArgs, 4);
    assert.equal(fn(cron, 'cron', 'alter_job')[0]?.minArgs, 1);
    assert.ok(!cron.functions.some((f) => f.schema === 'pg_catalog'), 'pg_cron objects live in cron, not pg_catalog');

    const net = extensions['pg_net'].objects;
    for (const name of ['http_get', 'http_post', 'http_delete']) assert.equal(fn(net, 'net', name)[0]?.returns, 'bigint', name);
    assert.equal(fn(net, 'net', 'http_post')[0]?.minArgs, 1);
    assert.ok(rel(net, 'net', 'http_request_queue'));

    const vault = extensions['supabase_vault'].objects;
    const create = fn(vault, 'vault', 'create_secret')[0];
    assert.deepEqual(create?.args, ['text', 'text', 'text', 'uuid']);
    assert.equal(create?.minArgs, 1);
    assert.ok(rel(vault, 'vault', 'decrypted_secrets')?.columns.some((c) => c.name === 'decrypted_secret'));
    assert.ok(fn(vault, 'vault', 'update_secret').length === 1);

    const http = extensions['http'].objects;
    assert.ok(http.types.some((t) => t.name === 'http_request' && t.kind === 'composite'));
    assert.ok(http.types.some((t) => t.name === 'http_method' && t.kind === 'domain'));
    assert.deepEqual(fn(http, '@extschema@', 'http_header')[0]?.args, ['character varying', 'character varying']);
    assert.deepEqual(fn(http, '@extschema@', 'http')[0]?.args, ['@extschema@.http_request']);
    assert.ok(fn(http, '@extschema@', 'bytea_to_text').length === 1);

    const wrappers = extensions['wrappers'].objects;
    assert.ok(rel(wrappers, '@extschema@', 'wrappers_fdw_stats'));
    assert.deepEqual(fn(wrappers, '@extschema@', 'stripe_fdw_validator')[0]?.args, ['text[]', 'oid']);
  });

  it('vector stand-in has every pgvector 0.8.x function and aggregate with its exact signature', () => {
    const vector = extensions['vector'].objects;
    const have = new Set(vector.functions.map((f) => `${f.name}(${f.args.join(', ')})`));
    const wanted = PGVECTOR_SIGNATURES.split('\n').filter((l) => l.trim());
    assert.ok(wanted.length >= 118);
    const missing = wanted.map(parseSignature).filter((s) => !have.has(`${s.name}(${s.args.join(', ')})`));
    assert.deepEqual(missing, []);
    for (const t of PGVECTOR_TYPES) {
      assert.equal(vector.types.find((x) => x.name === t && x.schema === '@extschema@')?.kind, 'base', `type ${t}`);
      for (const agg of ['avg', 'sum']) {
        if (t === 'sparsevec') continue;
        const a = vector.functions.find((f) => f.name === agg && f.args[0] === `@extschema@.${t}`);
        assert.equal(a?.kind, 'aggregate', `${agg}(${t})`);
        assert.equal(a?.returns, `@extschema@.${t}`);
      }
      assert.ok(vector.operatorClasses?.some((o) => o.accessMethod === 'btree' && o.name === `${t}_ops`), `btree ${t}_ops`);
    }
    const ops = new Set((vector.operatorClasses ?? []).map((o) => `${o.accessMethod}:${o.name}`));
    for (const o of ['ivfflat:vector_l2_ops', 'ivfflat:halfvec_cosine_ops', 'ivfflat:bit_hamming_ops', 'hnsw:vector_l1_ops', 'hnsw:halfvec_l1_ops', 'hnsw:sparsevec_ip_ops', 'hnsw:bit_jaccard_ops']) {
      assert.ok(ops.has(o), o);
    }
  });

  it('vector stand-in covers every pgvector GRANT of the real pg_dump (test/corpus/oriva-platform)', function () {
    const grants = pgvectorGrantsInDump(fs.readFileSync(VECTOR_DUMP, 'utf8'));
    assert.ok(grants.length >= 118, `found ${grants.length} pgvector grants`);
    assert.ok(grants.includes('halfvec_send(halfvec)'));
    const have = new Set(extensions['vector'].objects.functions.map((f) => `${f.name}(${f.args.join(', ')})`));
    const missing = grants.map(parseSignature).filter((s) => !have.has(`${s.name}(${s.args.join(', ')})`));
    assert.deepEqual(missing, []);
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
