import assert from 'node:assert/strict';
import { analyzeFiles, findingsOf, positionOf, summary } from '../support/analyze';

const T = '20240101000000_tables.sql';
const U = '20240102000000_uses.sql';
const L = '20240103000000_later.sql';

describe('rule forward-reference', () => {
  it('flags a use in an earlier migration and plans the rename', async () => {
    const uses = 'create view public.v as select id from public.accounts;\n';
    const a = await analyzeFiles({ [U]: uses, [L]: 'create table public.accounts (id uuid primary key);\n' });
    const [f] = findingsOf(a, 'forward-reference');
    assert.equal(f.severity, 'error');
    assert.deepEqual(f.range.start, positionOf(uses, 'public.accounts'));
    assert.match(f.message, /table public\.accounts is created by a later migration, 20240103000000_later\.sql \(line 1\)/);
    assert.deepEqual(f.rename, { from: U, to: '20240103000001_uses.sql', after: L });
    assert.deepEqual(f.fixes[0], { kind: 'rename-file', title: `Rename to 20240103000001_uses.sql (runs after ${L})`, from: `supabase/migrations/${U}`, to: 'supabase/migrations/20240103000001_uses.sql' });
    assert.equal(f.related[0].file, `supabase/migrations/${L}`);
  });

  it('covers REFERENCES, policies, triggers, INSERT targets, types and function calls', async () => {
    const uses = [
      'create table public.t (id uuid primary key, a_id uuid references public.a (id), s public.status);',
      'create policy p on public.a for select using (exists (select 1 from public.b));',
      'create trigger tr before insert on public.t for each row execute function public.touch();',
      'insert into public.b (id) values (1);',
      'select public.compute(1);',
    ].join('\n');
    const later = [
      'create table public.a (id uuid primary key);',
      'create table public.b (id int);',
      "create type public.status as enum ('x');",
      'create function public.touch() returns trigger language plpgsql as $$ begin return new; end $$;',
      'create function public.compute(x int) returns int language sql as $$ select x $$;',
    ].join('\n');
    const a = await analyzeFiles({ [U]: uses, [L]: later });
    const objs = findingsOf(a, 'forward-reference').map((f) => f.object);
    assert.deepEqual(objs.sort(), ['public.a', 'public.a', 'public.b', 'public.b', 'public.compute()', 'public.status', 'public.touch()'].sort());
  });

  it('flags a use earlier in the same file, without a rename', async () => {
    const a = await analyzeFiles({ [T]: 'create index on public.x (id);\ncreate table public.x (id int);\n' });
    const [f] = findingsOf(a, 'forward-reference');
    assert.match(f.message, /later in this migration \(line 2\)/);
    assert.equal(f.rename, undefined);
    assert.deepEqual(f.fixes, []);
  });

  it('is a warning inside a PL/pgSQL body in another migration, and silent in the same one', async () => {
    const fn = 'create function public.f() returns void language plpgsql as $$\nbegin\n  insert into public.log (msg) values (1);\nend $$;\n';
    const a = await analyzeFiles({ [U]: fn, [L]: 'create table public.log (msg int);\n' });
    assert.deepEqual(summary(a, 'forward-reference'), [`${U}:3:15 warning forward-reference`]);
    assert.equal(findingsOf(a, 'forward-reference')[0].rename, undefined);
    const b = await analyzeFiles({ [U]: fn + 'create table public.log (msg int);\n' });
    assert.deepEqual(summary(b, 'forward-reference'), []);
  });

  it('checks SQL function bodies at creation, unless check_function_bodies is off', async () => {
    const body = 'create function public.f() returns bigint language sql as $$ select count(*) from public.log $$;\n';
    const col = positionOf(body, 'public.log').character + 1;
    const a = await analyzeFiles({ [U]: body, [L]: 'create table public.log (msg int);\n' });
    assert.deepEqual(summary(a, 'forward-reference'), [`${U}:1:${col} error forward-reference`]);
    const b = await analyzeFiles({ [U]: 'set check_function_bodies = false;\n' + body, [L]: 'create table public.log (msg int);\n' });
    assert.deepEqual(summary(b, 'forward-reference'), [`${U}:2:${col} warning forward-reference`]);
  });

  it('looks into the body of a function created inside a DO block, at its place in the file', async () => {
    const uses = [
      'do $$',
      'begin',
      '  if not exists (select 1 from pg_proc where proname = \'touch\') then',
      '    create function public.touch() returns void language plpgsql as $f$ begin perform 1 from public.log; end $f$;',
      '  end if;',
      'end $$;',
    ].join('\n');
    const a = await analyzeFiles({ [U]: uses, [L]: 'create table public.log (msg int);\n' });
    const [f] = findingsOf(a, 'forward-reference');
    assert.equal(f?.object, 'public.log');
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.range.start, positionOf(uses, 'public.log'));
  });

  it('is quiet when the order is right', async () => {
    const a = await analyzeFiles({ [T]: 'create table public.accounts (id uuid primary key);\n', [U]: 'create view public.v as select id from public.accounts;\n' });
    assert.deepEqual(a.findings, []);
  });
});

describe('rule unknown-reference', () => {
  it('suggests the schema where a table of that name lives, with a fix', async () => {
    const view = 'create view public.overview as select * from public.tenants;\n';
    const a = await analyzeFiles({ [T]: 'create schema copilot_internal;\ncreate table copilot_internal.tenants (id uuid primary key);\n', [U]: view });
    const [f] = findingsOf(a, 'unknown-reference');
    assert.equal(f.severity, 'error');
    assert.match(f.message, /Did you mean copilot_internal\.tenants\?/);
    assert.equal(f.fixes[0].kind, 'edit');
    if (f.fixes[0].kind === 'edit') {
      assert.equal(f.fixes[0].edits[0].newText, 'copilot_internal.tenants');
      assert.deepEqual(f.fixes[0].edits[0].range.start, positionOf(view, 'public.tenants'));
    }
  });

  it('suggests close spellings', async () => {
    const a = await analyzeFiles({ [T]: 'create table public.profiles (id uuid primary key);\nselect * from public.profils;\n' });
    assert.match(findingsOf(a, 'unknown-reference')[0].message, /Did you mean public\.profiles\?/);
  });

  it('knows Postgres built-ins, the Supabase platform and extensions', async () => {
    const sql = [
      'create table public.t (id uuid primary key default gen_random_uuid(), owner uuid references auth.users (id), at timestamptz default now(), n numeric(10,2), tags text[], j jsonb);',
      'create policy p on public.t for select to authenticated using ((select auth.uid()) = owner);',
      "create policy q on storage.objects for select using ((storage.foldername(name))[1] = auth.uid()::text);",
      'create extension if not exists pg_trgm with schema extensions;',
      'create index t_idx on public.t using gin ((j::text) extensions.gin_trgm_ops);',
      'select extensions.similarity(\'a\', \'b\'), uuid_generate_v4(), jsonb_build_object(\'a\', 1), coalesce(null, 1), current_setting(\'x\', true);',
      'grant select on public.t to anon, authenticated, service_role;',
      'alter publication supabase_realtime add table public.t;',
      'with recent as (select * from public.t) select * from recent;',
      'select nextval(\'public.t_seq\'::regclass) where false;',
    ].join('\n');
    const a = await analyzeFiles({ [T]: sql });
    assert.deepEqual(summary(a, 'unknown-reference'), [`${T}:10:17 error unknown-reference`]);
    assert.match(findingsOf(a, 'unknown-reference')[0].message, /relation public\.t_seq does not exist/);
  });

  it('puts the elements of CREATE SCHEMA in the new schema, where their names are looked up first', async () => {
    const a = await analyzeFiles({ [T]: 'create schema app\n  create table customers (id bigint primary key)\n  create view active as select * from customers;\nselect * from app.customers, app.active;\nselect * from public.customers;\n' });
    const unknown = findingsOf(a, 'unknown-reference');
    assert.equal(unknown.length, 1, summary(a).join('\n'));
    assert.match(unknown[0].message, /public\.customers does not exist.*Did you mean app\.customers/s);
  });

  it('honours set search_path within a file', async () => {
    const sql = 'create schema app;\ncreate table app.items (id int);\nset search_path = app, public;\nselect * from items;\nreset search_path;\nselect * from items;\n';
    const a = await analyzeFiles({ [T]: sql });
    assert.deepEqual(summary(a, 'unknown-reference'), [`${T}:6:15 error unknown-reference`]);
  });

  it('is a warning in PL/pgSQL bodies, and ignores body-local temp tables and IF EXISTS', async () => {
    const sql = [
      'create function public.f() returns void language plpgsql as $$',
      'begin',
      '  create temp table scratch (x int);',
      '  insert into scratch values (1);',
      '  perform public.nothing_here();',
      'end $$;',
      'drop table if exists public.gone;',
      'drop function if exists public.also_gone();',
    ].join('\n');
    const a = await analyzeFiles({ [T]: sql });
    assert.deepEqual(summary(a, 'unknown-reference'), [`${T}:5:11 warning unknown-reference`]);
  });

  it('does not guess inside schemas of extensions it does not know', async () => {
    const a = await analyzeFiles({ [T]: 'create extension if not exists some_unknown_ext with schema extensions;\nselect extensions.some_fn();\nselect public.other_fn();\n' });
    assert.deepEqual(summary(a, 'unknown-reference'), [`${T}:3:8 error unknown-reference`]);
  });
});

describe('rule dropped-reference', () => {
  it('flags use after DROP', async () => {
    const a = await analyzeFiles({ [T]: 'create table public.a (id int);\n', [U]: 'drop table public.a;\n', [L]: 'select * from public.a;\n' });
    const [f] = findingsOf(a, 'dropped-reference');
    assert.equal(f.file, `supabase/migrations/${L}`);
    assert.match(f.message, /public\.a was dropped by 20240102000000_uses\.sql \(line 1\)/);
  });

  it('flags use of the old name after RENAME, with a fix to the new name', async () => {
    const a = await analyzeFiles({ [T]: 'create table public.a (id int);\nalter table public.a rename to b;\n', [U]: 'select * from public.a;\n' });
    const [f] = findingsOf(a, 'dropped-reference');
    assert.match(f.message, /renamed to public\.b/);
    assert.equal(f.fixes[0]?.kind === 'edit' && f.fixes[0].edits[0].newText, 'public.b');
  });

  it('is quiet when the object is created again', async () => {
    const a = await analyzeFiles({ [T]: 'create table public.a (id int);\ndrop table public.a;\ncreate table public.a (id int);\nselect * from public.a;\n' });
    assert.deepEqual(a.findings, []);
  });

  it('drops policies and triggers with their table', async () => {
    const a = await analyzeFiles({
      [T]: 'create table public.a (id int);\ncreate policy p on public.a using (true);\ndrop table public.a;\ncreate table public.a (id int);\ncreate policy p on public.a using (true);\n',
    });
    assert.deepEqual(findingsOf(a, 'duplicate-object'), []);
  });
});

describe('rule duplicate-object', () => {
  it('flags a second CREATE TABLE, POLICY, FUNCTION with the same signature, and a preinstalled extension', async () => {
    const a = await analyzeFiles({
      [T]: 'create table public.a (id int);\ncreate policy p on public.a using (true);\ncreate function public.f(x int) returns int language sql as $$ select x $$;\n',
      [U]: 'create table public.a (id int);\ncreate policy p on public.a using (true);\ncreate function public.f(x integer) returns int language sql as $$ select x $$;\ncreate extension pgcrypto;\n',
    });
    assert.deepEqual(summary(a, 'duplicate-object'), [`${U}:1:14 error duplicate-object`, `${U}:2:15 error duplicate-object`, `${U}:3:24 error duplicate-object`, `${U}:4:18 error duplicate-object`]);
    assert.match(findingsOf(a, 'duplicate-object')[0].message, /table public\.a already exists \(created by 20240101000000_tables\.sql \(line 1\)\)/);
  });

  it('is quiet with IF NOT EXISTS, OR REPLACE, other overloads and guarded DO blocks', async () => {
    const a = await analyzeFiles({
      [T]: "create table public.a (id int);\ncreate function public.f(x int) returns int language sql as $$ select x $$;\ncreate type public.s as enum ('a');\n",
      [U]: [
        'create table if not exists public.a (id int);',
        'create or replace function public.f(x int) returns int language sql as $$ select x + 1 $$;',
        'create function public.f(x text) returns int language sql as $$ select 1 $$;',
        "do $$ begin create type public.s as enum ('a'); exception when duplicate_object then null; end $$;",
        'create extension if not exists pgcrypto with schema extensions;',
      ].join('\n'),
    });
    assert.deepEqual(summary(a, 'duplicate-object'), []);
  });
});

describe('rule missing-foreign-key', () => {
  it('flags an FK-less tenant_id and offers the references clause', async () => {
    const settings = 'create table public.settings (\n  id uuid primary key,\n  tenant_id uuid not null,\n  owner_id uuid\n);\n';
    const a = await analyzeFiles({ [T]: 'create table public.tenants (id uuid primary key);\n', [U]: settings });
    const [f] = findingsOf(a, 'missing-foreign-key');
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.range.start, positionOf(settings, 'tenant_id'));
    assert.match(f.message, /tenant_id looks like a reference to public\.tenants\(id\)/);
    const fix = f.fixes[0];
    assert.ok(fix && fix.kind === 'edit');
    assert.equal(fix.edits[0].newText, ' references public.tenants (id)');
    assert.deepEqual(fix.edits[0].range.start, { line: 2, character: '  tenant_id uuid'.length });
  });

  it('is quiet about the columns of a table dropped with its schema', async () => {
    const a = await analyzeFiles({
      [T]: 'create schema app;\ncreate table app.orders (id bigint primary key, customer_id bigint);\ncreate table public.customers (id bigint primary key);\n',
      [U]: 'drop schema app cascade;\n',
    });
    assert.deepEqual(summary(a, 'missing-foreign-key'), []);
    // (without the drop, the column is flagged)
    const b = await analyzeFiles({ [T]: 'create schema app;\ncreate table app.orders (id bigint primary key, customer_id bigint);\ncreate table public.customers (id bigint primary key);\n' });
    assert.equal(findingsOf(b, 'missing-foreign-key').length, 1);
  });

  it('maps user_id to auth.users', async () => {
    const a = await analyzeFiles({ [T]: 'create table public.notes (id bigint primary key, user_id uuid);\n' });
    assert.match(findingsOf(a, 'missing-foreign-key')[0].message, /auth\.users\(id\)/);
  });

  it('says when the target table only exists later', async () => {
    const a = await analyzeFiles({ [T]: 'create table public.settings (id int, tenant_id uuid);\n', [U]: 'create table public.tenants (id uuid primary key);\n' });
    const [f] = findingsOf(a, 'missing-foreign-key');
    assert.match(f.message, /only exists from 20240102000000_uses\.sql \(line 1\) on/);
    assert.deepEqual(f.fixes, []);
  });

  it('is quiet with an inline FK, an FK added by a later ALTER TABLE, a type mismatch, or no such table', async () => {
    const a = await analyzeFiles({
      [T]: 'create table public.tenants (id uuid primary key);\ncreate table public.a (tenant_id uuid references public.tenants);\ncreate table public.b (tenant_id uuid);\ncreate table public.c (tenant_id text, stripe_customer_id text, widget_id uuid);\n',
      [U]: 'alter table public.b add constraint b_tenant_fk foreign key (tenant_id) references public.tenants (id);\n',
    });
    assert.deepEqual(summary(a, 'missing-foreign-key'), []);
  });

  it('does not point at a table that is gone by the end (dropped, or renamed away)', async () => {
    const a = await analyzeFiles({
      [T]: 'create table public.teams (id uuid primary key);\ncreate table public.squads (id uuid primary key);\n',
      [U]: 'drop table public.teams;\nalter table public.squads rename to crews;\ncreate table public.members (id uuid primary key, team_id uuid, squad_id uuid, crew_id uuid);\n',
    });
    // teams and squads no longer exist; crews (the renamed squads) does
    assert.deepEqual(
      findingsOf(a, 'missing-foreign-key').map((f) => f.object),
      ['public.members.crew_id'],
    );
  });

  it('points at a platform table that a migration altered (it has a history from then on)', async () => {
    const a = await analyzeFiles({
      [T]: 'alter table storage.buckets add column note text;\ncreate table public.files (id uuid primary key, bucket_id text);\n',
    });
    assert.deepEqual(
      findingsOf(a, 'missing-foreign-key').map((f) => f.object),
      ['public.files.bucket_id'],
    );
    assert.match(findingsOf(a, 'missing-foreign-key')[0].message, /storage\.buckets\(id\)/);
  });

  it('uses configured column patterns', async () => {
    const files = { [T]: 'create table public.tenants (id uuid primary key);\ncreate table public.x (tenant_ref uuid);\n' };
    assert.deepEqual(summary(await analyzeFiles(files), 'missing-foreign-key'), []);
    assert.equal(summary(await analyzeFiles(files, { foreignKeyPatterns: ['^(.+)_ref$'] }), 'missing-foreign-key').length, 1);
  });
});

describe('rule syntax-error and recovery', () => {
  it('reports the bad statement and keeps analysing the rest', async () => {
    const sql = 'create table public.a (id int);\nselect from where;\nselect * from public.missing;\n';
    const a = await analyzeFiles({ [T]: sql });
    assert.deepEqual(summary(a), [`${T}:2:13 error syntax-error`, `${T}:3:15 error unknown-reference`]);
  });

  it('reports an unterminated dollar quote to the end of the file', async () => {
    const sql = 'create table public.a (id int);\ncreate function f() returns int language sql as $$ select 1;\nselect 2;\n';
    const a = await analyzeFiles({ [T]: sql });
    const [f] = findingsOf(a, 'syntax-error');
    assert.match(f.message, /unterminated dollar-quoted string/);
    assert.deepEqual(f.range.start, positionOf(sql, '$$'));
    assert.equal(a.timeline.final.has('relation:public.a'), true);
  });

  it('reports syntax errors inside SQL function bodies at their place', async () => {
    const sql = 'create function public.f() returns int language sql as $$\n  selec 1\n$$;\n';
    const a = await analyzeFiles({ [T]: sql });
    assert.deepEqual(summary(a, 'syntax-error'), [`${T}:2:3 error syntax-error`]);
  });
});

describe('file rules', () => {
  it('invalid-filename, duplicate-version and version-order', async () => {
    const a = await analyzeFiles(
      { '20240101000000_a.sql': 'select 1;', '20240101000000_b.sql': 'select 1;', '20240101000001_c.SQL': 'select 1;', '20260420_x.sql': 'select 1;', '20260420010000_y.sql': 'select 1;' },
      undefined,
      ['20240101000002_dir.sql'],
    );
    assert.deepEqual(summary(a, 'invalid-filename').sort(), ['20240101000001_c.SQL:1:1 warning invalid-filename', '20240101000002_dir.sql:1:1 warning invalid-filename']);
    assert.deepEqual(summary(a, 'duplicate-version'), ['20240101000000_a.sql:1:1 error duplicate-version', '20240101000000_b.sql:1:1 error duplicate-version']);
    // numerically, 20260420 (8 digits) is smaller than every 14-digit version: it moves to the front
    assert.deepEqual(summary(a, 'version-order').sort(), ['20240101000000_a.sql:1:1 warning version-order', '20240101000000_b.sql:1:1 warning version-order', '20260420010000_y.sql:1:1 warning version-order', '20260420_x.sql:1:1 warning version-order']);
  });

  it('invalid-encoding for invalid UTF-8 and NUL bytes', async () => {
    const a = await analyzeFiles({ [T]: { text: 'select 1;\nselect \ufffd;\n', invalidUtf8At: 17 }, [U]: 'select 1;\u0000\u0001\u0002' });
    assert.deepEqual(summary(a, 'invalid-encoding'), [`${T}:2:8 error invalid-encoding`, `${U}:1:10 error invalid-encoding`]);
  });
});

describe('configuration and ignore comments', () => {
  const files = {
    [T]: [
      'select * from public.a; -- supabase-migrations-disable-line unknown-reference',
      '-- supabase-migrations-disable-next-line',
      'select * from public.b;',
      '-- supabase-migrations-disable-next-line missing-foreign-key',
      'select * from public.c;',
    ].join('\n'),
  };
  it('disable-line and disable-next-line, for one code or all', async () => {
    assert.deepEqual(summary(await analyzeFiles(files)), [`${T}:5:15 error unknown-reference`]);
  });
  it('disable-file', async () => {
    assert.deepEqual(summary(await analyzeFiles({ [T]: '-- supabase-migrations-disable-file unknown-reference\nselect * from public.a;\n' })), []);
  });
  it('rules can be switched off or re-levelled', async () => {
    assert.deepEqual(summary(await analyzeFiles(files, { rules: { 'unknown-reference': 'off' } })), []);
    assert.deepEqual(summary(await analyzeFiles(files, { rules: { 'unknown-reference': 'info' } })), [`${T}:5:15 info unknown-reference`]);
  });
});
