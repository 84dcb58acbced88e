/**
 * The static rules' entries (server/src/engine/rules/*.ts run them), in the order the engine runs them.
 * Data only: the registry (index.ts) lists them with the verify codes and the advisors.
 */
import type { RuleDescription } from './ruleDescription';

export const STATIC_RULES = [
  {
    code: 'syntax-error',
    kind: 'static',
    defaultSeverity: 'error',
    summary: 'Postgres cannot parse the statement.',
    description:
      "The statement as Postgres' own parser (libpg_query) sees it, reported at the exact token where parsing stopped; the rest of the file is still analysed, from the next statement on (an unterminated quoted string or dollar quote runs to the end of the file). SQL function bodies are parsed with the SQL parser and PL/pgSQL bodies with Postgres' PL/pgSQL parser. That parser has no catalog: an error that depends on whether a variable or result is of a row type or a scalar one (a user-defined, enum, domain or extension type, an array of a row type) is reported only when the body fails both ways. When `check_function_bodies` is off (as in `pg_dump` output), an error in a function body is a warning: Postgres only finds it when the function runs.",
    invalid: [
      {
        name: '20240101000000_create_profiles.sql',
        sql: 'create table public.profiles (\n  id uuid primary key,\n  username text not null,\n);\n',
      },
    ],
    valid: [
      {
        name: '20240101000000_create_profiles.sql',
        sql: 'create table public.profiles (\n  id uuid primary key,\n  username text not null\n);\n',
      },
    ],
  },
  {
    code: 'invalid-encoding',
    kind: 'static',
    defaultSeverity: 'error',
    summary: 'The file is not valid UTF-8 (or contains NUL bytes); Postgres rejects it.',
    description:
      'Migrations are sent to Postgres as UTF-8: a file with a byte sequence that is not UTF-8 (typically one saved as Latin-1 or Windows-1252 by an editor) or with a NUL byte (a binary file) is rejected as a whole with `invalid byte sequence for encoding "UTF8"`. The finding points at the first bad byte. Re-save the file as UTF-8.',
    invalid: [
      {
        name: '20240101000000_seed_cities.sql',
        sql: "create table public.cities (\n  id bigint primary key,\n  name text not null\n);\ninsert into public.cities (id, name) values (1, 'Zürich');\n",
        encoding: 'latin1',
      },
    ],
    valid: [
      {
        name: '20240101000000_seed_cities.sql',
        sql: "create table public.cities (\n  id bigint primary key,\n  name text not null\n);\ninsert into public.cities (id, name) values (1, 'Zürich');\n",
      },
    ],
  },
  {
    code: 'unreadable-file',
    kind: 'static',
    defaultSeverity: 'error',
    summary: 'A migration file cannot be read, or is too large to analyse.',
    description:
      'A file in the migrations folder with a migration name that is not a regular file (a named pipe, a socket, a device), a symbolic link that loops or points nowhere, or a file without read permission: the Supabase CLI fails on it too, so it is an error, reported once on that file while the rest of the folder is still checked. A file larger than the limit for analysis (5 MiB by default: `--max-file-size <MiB>` or `"maxFileBytes"` in the config) is not read at all, so that a huge generated file cannot exhaust memory; that is a warning saying nothing in it was checked, and names it may create are then not reported as unknown in the migrations after it (they are `info`).',
    invalid: [
      {
        name: '20240101000000_create_profiles.sql',
        sql: 'create table public.profiles (\n  id uuid primary key\n);\n',
        special: 'fifo',
      },
    ],
    valid: [
      {
        name: '20240101000000_create_profiles.sql',
        sql: 'create table public.profiles (\n  id uuid primary key\n);\n',
      },
    ],
  },
  {
    code: 'invalid-filename',
    kind: 'static',
    defaultSeverity: 'warning',
    summary: 'The Supabase CLI silently skips this file because of its name.',
    description:
      'The Supabase CLI applies only files named `<digits>_<name>.sql` (any number of digits, lower-case `.sql`): `20240101_x.SQL`, `20240101-x.sql`, `local_20240101_x.sql`, `seed.sql`, a directory named `…_x.sql` or an old first `<version>_init.sql` are skipped with at most a warning, so their SQL never runs and whatever later migrations expect from them is missing. Rename the file (`supabase migration new` makes the name).',
    invalid: [
      { name: '20240101000000_create_profiles.sql', sql: 'create table public.profiles (\n  id uuid primary key,\n  username text not null\n);\n' },
      { name: '20240102-add-bio.sql', sql: 'alter table public.profiles add column bio text;\n' },
    ],
    valid: [
      { name: '20240101000000_create_profiles.sql', sql: 'create table public.profiles (\n  id uuid primary key,\n  username text not null\n);\n' },
      { name: '20240102000000_add_bio.sql', sql: 'alter table public.profiles add column bio text;\n' },
    ],
  },
  {
    code: 'duplicate-version',
    kind: 'static',
    defaultSeverity: 'error',
    summary: 'Two migration files share one version.',
    description:
      "The version is the file name's leading digits, and the primary key of `supabase_migrations.schema_migrations`: when two files have the same one, recording the second one fails with a duplicate key error, and nothing checks for it before. The later file in apply order is an error (its migration fails with it); the first one, which applies, gets a warning that points at it. Give one of them a new version.",
    invalid: [
      { name: '20240101000000_create_profiles.sql', sql: 'create table public.profiles (\n  id uuid primary key,\n  username text not null\n);\n' },
      { name: '20240101000000_create_posts.sql', sql: 'create table public.posts (\n  id bigint primary key,\n  title text not null\n);\n' },
    ],
    valid: [
      { name: '20240101000000_create_profiles.sql', sql: 'create table public.profiles (\n  id uuid primary key,\n  username text not null\n);\n' },
      { name: '20240101000001_create_posts.sql', sql: 'create table public.posts (\n  id bigint primary key,\n  title text not null\n);\n' },
    ],
  },
  {
    code: 'version-order',
    kind: 'static',
    defaultSeverity: 'warning',
    summary: 'Versions of different lengths sort differently as text and as numbers.',
    description:
      '`supabase db reset` applies migrations in file-name order, newer Supabase tooling in numeric version order; the two agree only while every version has the same number of digits. With `20240101_a.sql` and `20240101120000_b.sql` in one folder, file-name order runs `…120000_b` first (`1` sorts before `_`) and numeric order runs `20240101_a` first (an 8-digit number is smaller), so the apply order depends on the tool. One finding per misplaced file (the fewest files whose moving makes the two orders agree, preferring to keep the usual version length of the folder), naming the migrations it runs between in each order. Use 14-digit versions throughout.',
    invalid: [
      { name: '20240101_create_profiles.sql', sql: 'create table public.profiles (\n  id uuid primary key,\n  username text not null\n);\n' },
      { name: '20240101120000_create_posts.sql', sql: 'create table public.posts (\n  id bigint primary key,\n  title text not null\n);\n' },
    ],
    valid: [
      { name: '20240101000000_create_profiles.sql', sql: 'create table public.profiles (\n  id uuid primary key,\n  username text not null\n);\n' },
      { name: '20240101120000_create_posts.sql', sql: 'create table public.posts (\n  id bigint primary key,\n  title text not null\n);\n' },
    ],
  },
  {
    code: 'forward-reference',
    kind: 'static',
    defaultSeverity: 'error',
    summary: 'An object is used before the migration that creates it runs.',
    description:
      'A statement uses a table, view, type, function, schema, policy or trigger that only a later migration creates (the migration fails in `supabase db reset`), or that a statement further down the same file creates (move it below). The fix renames the file so that it sorts after every migration it depends on and before every migration that depends on it: the first free 14-digit timestamp after its latest dependency (a real date-time, with carry; versions of other files, skipped ones included, are avoided); when the dependency graph leaves no position (the migration needs a later file that in turn uses what it creates), the folder is replayed with the file moved after its latest dependency (and the next migration), alone and with the other renames: a migration that re-creates what the moved one creates (`create or replace`, `drop` + `create`, `if not exists`) does not need it, and a move that removes the error without adding one is offered; otherwise the message names the cycle and the error the move would cause. Inside PL/pgSQL bodies (except declared variable types, resolved by `create function`), and SQL bodies when `check_function_bodies` is off, Postgres only resolves names when the function runs: such a use is a warning, and a body that uses something created further down the same migration is not reported. A `do` block runs at once: its declared types and the statements that always run are checked like top-level ones; statements under `if`/`case`, in a loop that may run zero times, after a possible `return`/`exit`/`raise`, or in a block whose exception handler catches a missing object are warnings (checked only if they run); `execute`d SQL is not checked.',
    invalid: [
      {
        name: '20240101000000_create_posts.sql',
        sql: 'create table public.posts (\n  id bigint primary key,\n  author_id uuid not null references public.profiles (id),\n  title text not null\n);\n',
      },
      { name: '20240102000000_create_profiles.sql', sql: 'create table public.profiles (\n  id uuid primary key,\n  username text not null\n);\n' },
    ],
    valid: [
      { name: '20240101000000_create_profiles.sql', sql: 'create table public.profiles (\n  id uuid primary key,\n  username text not null\n);\n' },
      {
        name: '20240102000000_create_posts.sql',
        sql: 'create table public.posts (\n  id bigint primary key,\n  author_id uuid not null references public.profiles (id),\n  title text not null\n);\n',
      },
    ],
  },
  {
    code: 'unknown-reference',
    kind: 'static',
    defaultSeverity: 'error',
    summary: 'An object is used that no migration (and neither Postgres nor Supabase) creates.',
    description:
      'A name that no migration creates and that is neither built into Postgres nor part of the Supabase platform (`auth`, `storage`, the preinstalled extensions, …). "Did you mean …" offers the same name in another schema or a close spelling, and the fix replaces the name. Unqualified names are resolved with the search path migrations run with (`"$user", public, extensions`, after `pg_catalog`), honouring `set search_path`, `set_config(\'search_path\', …)` and `reset` within a file. Objects of extensions without a catalog here are not guessed at. When the only file that creates the name is one the Supabase CLI skips (a bad file name), the message names it and the fix renames it to a valid migration name. In PL/pgSQL bodies the use is a warning: it only fails when the function runs (declared variable types fail at `create function`). In a `do` block, which runs at once, a use that always runs is an error; a guarded one (`if exists (…)`, `to_regclass(…) is not null`, an exception handler, a loop, after `return`) a warning.',
    invalid: [
      {
        name: '20240101000000_create_profiles.sql',
        sql: 'create table public.profiles (\n  id uuid primary key,\n  username text not null\n);\ncreate view public.usernames as select username from public.profile;\n',
      },
    ],
    valid: [
      {
        name: '20240101000000_create_profiles.sql',
        sql: 'create table public.profiles (\n  id uuid primary key,\n  username text not null\n);\ncreate view public.usernames as select username from public.profiles;\n',
      },
    ],
  },
  {
    code: 'dropped-reference',
    kind: 'static',
    defaultSeverity: 'error',
    summary: 'An object is used after an earlier migration dropped or renamed it.',
    description:
      'The object existed, but an earlier statement dropped it or renamed it away (a table dropped with its schema, `drop … cascade`, `alter table … rename to …`), so the statement that uses it fails. For a renamed table the fix changes the name to the new one. Creating the object again makes later uses fine. A use of what a failing migration dropped (it rolls back, and `supabase db reset` stops there) is not reported on its own: it is related information on the error of that migration. In PL/pgSQL bodies the use is a warning: it only fails when the function runs (declared variable types fail at `create function`). In a `do` block, which runs at once, a use that always runs is an error; a guarded one (`if exists (…)`, `to_regclass(…) is not null`, an exception handler, a loop, after `return`) a warning.',
    invalid: [
      { name: '20240101000000_create_accounts.sql', sql: 'create table public.accounts (\n  id uuid primary key,\n  name text not null\n);\n' },
      { name: '20240201000000_rename_accounts.sql', sql: 'alter table public.accounts rename to organisations;\n' },
      { name: '20240301000000_account_names.sql', sql: 'create view public.account_names as select name from public.accounts;\n' },
    ],
    valid: [
      { name: '20240101000000_create_accounts.sql', sql: 'create table public.accounts (\n  id uuid primary key,\n  name text not null\n);\n' },
      { name: '20240201000000_rename_accounts.sql', sql: 'alter table public.accounts rename to organisations;\n' },
      { name: '20240301000000_account_names.sql', sql: 'create view public.account_names as select name from public.organisations;\n' },
    ],
  },
  {
    code: 'duplicate-object',
    kind: 'static',
    defaultSeverity: 'error',
    summary: 'An object is created again without IF NOT EXISTS or OR REPLACE.',
    description:
      'A `create` of something that already exists at that point — created by an earlier migration, by an extension, or part of Postgres or the Supabase platform (`create extension pgcrypto`: Supabase has it already) — fails. Functions are compared by argument types, so overloads are fine; `create or replace`, `if not exists` and `create` statements in DO blocks guarded by an existence check or an exception handler are not duplicates. The message says where the object was first created and how to make the statement safe. A duplicate of what a failing migration created (it rolls back, and `supabase db reset` stops there) is not reported on its own: it is related information on the error of that migration.',
    invalid: [
      { name: '20240101000000_create_profiles.sql', sql: 'create table public.profiles (\n  id uuid primary key,\n  username text not null\n);\n' },
      {
        name: '20240102000000_profiles_again.sql',
        sql: 'create table public.profiles (\n  id uuid primary key,\n  username text not null\n);\ncreate extension pgcrypto;\n',
      },
    ],
    valid: [
      { name: '20240101000000_create_profiles.sql', sql: 'create table public.profiles (\n  id uuid primary key,\n  username text not null\n);\n' },
      {
        name: '20240102000000_profiles_again.sql',
        sql: 'create table if not exists public.profiles (\n  id uuid primary key,\n  username text not null\n);\ncreate extension if not exists pgcrypto with schema extensions;\n',
      },
    ],
  },
  {
    code: 'transaction-block',
    kind: 'static',
    defaultSeverity: 'error',
    summary: 'A command Postgres refuses inside the transaction a migration runs in (CREATE INDEX CONCURRENTLY, VACUUM, ...).',
    description:
      "The Supabase CLI sends each migration file to Postgres as one pipeline (all its statements, then the INSERT that records the version, then one Sync), which Postgres runs as one implicit transaction. Commands that refuse to run in a transaction block — `CREATE INDEX CONCURRENTLY`, `DROP INDEX CONCURRENTLY`, `REINDEX ... CONCURRENTLY`, `REINDEX SCHEMA/DATABASE/SYSTEM`, `ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY`, `VACUUM`, `CLUSTER` without a table, `DISCARD ALL`, `CREATE/DROP DATABASE`, `CREATE/DROP TABLESPACE`, `ALTER SYSTEM` — then fail with SQLSTATE 25001 (`... cannot be executed within a pipeline`), except as the file's first statement or the first after a `COMMIT`/`ROLLBACK` in the file; after the file's own `BEGIN` they fail until its `COMMIT` (`... cannot run inside a transaction block`). `SAVEPOINT`, `RELEASE` and `ROLLBACK TO` without the file's own `BEGIN` fail with 25P01. `ANALYZE` is fine. The quick fix drops `CONCURRENTLY`; other commands belong outside the migrations, or alone in a migration of their own.",
    invalid: [
      {
        name: '20240101000000_create_profiles.sql',
        sql: 'create table public.profiles (\n  id uuid primary key,\n  username text not null\n);\ncreate index concurrently profiles_username_idx on public.profiles (username);\n',
      },
    ],
    valid: [
      {
        name: '20240101000000_create_profiles.sql',
        sql: 'create table public.profiles (\n  id uuid primary key,\n  username text not null\n);\ncreate index profiles_username_idx on public.profiles (username);\n',
      },
    ],
  },
  {
    code: 'unsafe-enum-value',
    kind: 'static',
    defaultSeverity: 'error',
    summary: 'An enum value used in the migration that adds it (Postgres: unsafe use of new value).',
    description:
      "`ALTER TYPE ... ADD VALUE` may run in a transaction, but the new value cannot be used until that transaction commits (SQLSTATE 55P04, `unsafe use of new value`). The Supabase CLI runs a whole migration file as one transaction, so a literal cast to the enum (`'archived'::status`, `CAST('archived' AS status)`) in a later statement of the same file fails — in a column default, a CHECK, a policy, an index predicate, a view or a SQL function body, which Postgres evaluates when the statement runs. A PL/pgSQL body is only compiled when called, so a use there is fine. Not reported where it is not certain: `ADD VALUE IF NOT EXISTS` (the value may have existed), an enum created in the same migration (PostgreSQL 17 accepts that case), and a use after the file's own `COMMIT`. Fix: move the statements that use the new value into a later migration.",
    invalid: [
      {
        name: '20240101000000_create_tasks.sql',
        sql: "create type public.task_status as enum ('open', 'done');\ncreate table public.tasks (\n  id bigint primary key,\n  status public.task_status not null default 'open'\n);\n",
      },
      {
        name: '20240102000000_archive_tasks.sql',
        sql: "alter type public.task_status add value 'archived';\ncreate index tasks_live_idx on public.tasks (id) where status <> 'archived'::public.task_status;\n",
      },
    ],
    valid: [
      {
        name: '20240101000000_create_tasks.sql',
        sql: "create type public.task_status as enum ('open', 'done');\ncreate table public.tasks (\n  id bigint primary key,\n  status public.task_status not null default 'open'\n);\n",
      },
      { name: '20240102000000_add_archived_status.sql', sql: "alter type public.task_status add value 'archived';\n" },
      {
        name: '20240103000000_archive_tasks.sql',
        sql: "create index tasks_live_idx on public.tasks (id) where status <> 'archived'::public.task_status;\n",
      },
    ],
  },
  {
    code: 'incompatible-replace',
    kind: 'static',
    defaultSeverity: 'error',
    summary: 'CREATE OR REPLACE changes what Postgres does not let it change (a function\'s return type or parameter names, a view\'s columns).',
    description:
      "`CREATE OR REPLACE FUNCTION` (or `PROCEDURE`) of an existing signature fails when it changes the return type or whether it returns a set (including the columns of `RETURNS TABLE` and the OUT parameters' row type), renames or un-names an input parameter, or removes parameter defaults (SQLSTATE 42P13), or makes a function a procedure or the reverse (42809). `CREATE OR REPLACE VIEW` fails when it drops, renames or reorders existing columns (42P16); new columns may only be added at the end. Only what both definitions state is compared (a `%TYPE`, or view columns from `*`, are not). The quick fix inserts the `DROP` with the exact signature before the statement; objects made earlier that depend on it (triggers, policies, views, defaults) are named, since the `DROP` then needs `CASCADE`, which drops them too.",
    invalid: [
      {
        name: '20240101000000_profile_names.sql',
        sql: 'create function public.profile_name(p_id uuid) returns text language sql as $$ select p_id::text $$;\n',
      },
      {
        name: '20240102000000_profile_names_json.sql',
        sql: 'create or replace function public.profile_name(p_id uuid) returns jsonb language sql as $$ select to_jsonb(p_id) $$;\n',
      },
    ],
    valid: [
      {
        name: '20240101000000_profile_names.sql',
        sql: 'create function public.profile_name(p_id uuid) returns text language sql as $$ select p_id::text $$;\n',
      },
      {
        name: '20240102000000_profile_names_json.sql',
        sql: 'drop function public.profile_name(uuid);\ncreate or replace function public.profile_name(p_id uuid) returns jsonb language sql as $$ select to_jsonb(p_id) $$;\n',
      },
    ],
  },
  {
    code: 'missing-from-entry',
    kind: 'static',
    defaultSeverity: 'error',
    summary: 'A column qualified with a table the expression cannot see (a policy using NEW or OLD).',
    description:
      "A policy's `USING` and `WITH CHECK` expressions see one table, the policy's own; Postgres resolves their column references when it creates the policy, so a column qualified with any other name outside a subquery fails with SQLSTATE 42P01 (`missing FROM-clause entry for table \"new\"`). The usual case is `new.owner_id` or `old.status` written out of trigger habit: a policy has no NEW or OLD row. Name the column unqualified (it is the row being checked), and reach other tables or the stored row through a subquery (`exists (select 1 from ... where ...)`), or move the rule into a trigger.",
    invalid: [
      {
        name: '20240101000000_create_posts.sql',
        sql: 'create table public.posts (\n  id bigint primary key,\n  author_id uuid not null\n);\nalter table public.posts enable row level security;\ncreate policy "authors update their posts" on public.posts for update\n  using (author_id = auth.uid())\n  with check (new.author_id = old.author_id);\n',
      },
    ],
    valid: [
      {
        name: '20240101000000_create_posts.sql',
        sql: 'create table public.posts (\n  id bigint primary key,\n  author_id uuid not null\n);\nalter table public.posts enable row level security;\ncreate policy "authors update their posts" on public.posts for update\n  using (author_id = auth.uid())\n  with check (author_id = auth.uid());\n',
      },
    ],
  },
  {
    code: 'mutable-expression',
    kind: 'static',
    defaultSeverity: 'error',
    summary: 'An index expression or predicate, a generated column or a partition key that calls a function that is not IMMUTABLE (now(), CURRENT_DATE, random(), ...).',
    description:
      "Postgres stores the value of an index's expressions and predicate, of a generated column and of a partition key, so every function they call must be `IMMUTABLE`: same arguments, same result, forever. `now()`, `CURRENT_TIMESTAMP`, `CURRENT_DATE`, `current_user`, `current_setting()`, `to_char()` are `STABLE` and `random()`, `gen_random_uuid()`, `clock_timestamp()`, `nextval()` are `VOLATILE`, so `CREATE INDEX ... WHERE expires_at > now()` fails with SQLSTATE 42P17 (`functions in index predicate must be marked IMMUTABLE`), and so does `generated always as (now()) stored` (`generation expression is not immutable`). Reported for the SQL value functions (`CURRENT_TIMESTAMP`, `CURRENT_DATE`, `LOCALTIME`, `CURRENT_USER`, ...) and for calls that resolve to a built-in function that has no IMMUTABLE form, when no migration defines a function of that name; a call to a function of the migrations or an extension is not judged. Fix: for a partial index, keep the time-independent part of the predicate and put the time condition in the queries; for a generated column, a `DEFAULT` (computed once, on insert) or a trigger. Do not wrap the call in a function falsely marked IMMUTABLE: the index then returns wrong rows.",
    invalid: [
      {
        name: '20240101000000_create_sessions.sql',
        sql: 'create table public.sessions (\n  id bigint primary key,\n  expires_at timestamptz not null\n);\ncreate index sessions_live_idx on public.sessions (id) where expires_at > now();\n',
      },
    ],
    valid: [
      {
        name: '20240101000000_create_sessions.sql',
        sql: 'create table public.sessions (\n  id bigint primary key,\n  expires_at timestamptz not null\n);\ncreate index sessions_expires_at_idx on public.sessions (expires_at);\n',
      },
    ],
  },
  {
    code: 'unknown-column',
    kind: 'static',
    defaultSeverity: 'error',
    summary: 'A column that its table does not have at that point (ALTER/DROP/RENAME COLUMN, a policy, an index).',
    description:
      "Postgres looks up the columns a statement names when it runs: `ALTER TABLE ... ALTER/DROP COLUMN`, `RENAME COLUMN`, the columns of `CREATE INDEX` (and `INCLUDE`), and the columns a policy's `USING` / `WITH CHECK` names (outside subqueries) must exist then, or the migration fails with SQLSTATE 42703. The replay knows each table's columns after every statement, so a column added only by a later migration, dropped or renamed earlier, or misspelt is reported, with the closest existing names. Only tables whose every column is certain are checked: created by a migration with the columns written out (not `LIKE`, `INHERITS`, `PARTITION OF` or `OF type`), never altered inside a DO block, and with nothing opaque (dynamic SQL, an extension without a catalog) in their schema; `DROP COLUMN IF EXISTS` is not a use.",
    invalid: [
      {
        name: '20240101000000_create_profiles.sql',
        sql: 'create table public.profiles (\n  id uuid primary key,\n  username text not null\n);\n',
      },
      { name: '20240102000000_index_profiles.sql', sql: 'create index profiles_user_name_idx on public.profiles (user_name);\n' },
    ],
    valid: [
      {
        name: '20240101000000_create_profiles.sql',
        sql: 'create table public.profiles (\n  id uuid primary key,\n  username text not null\n);\n',
      },
      { name: '20240102000000_index_profiles.sql', sql: 'create index profiles_username_idx on public.profiles (username);\n' },
    ],
  },
  {
    code: 'unknown-enum-label',
    kind: 'static',
    defaultSeverity: 'error',
    summary: 'A string cast to an enum that has no such label at that point.',
    description:
      "`'archived'::public.task_status` (or `CAST('archived' AS …)`, or a column default `'archived'` on a column of the enum) where the statement runs it — a default, a CHECK, a policy, an index predicate, a view, a SQL function body, `INSERT … VALUES` in a migration — fails with SQLSTATE 22P02 (`invalid input value for enum`) unless the enum has that label then. Labels are followed through `CREATE TYPE … AS ENUM`, `ALTER TYPE … ADD VALUE` and `RENAME VALUE`; a label only a later migration adds is named (that migration must run first). Not checked where not certain: enums changed in a DO block, literals compared with an enum column or inserted into one without a cast, and PL/pgSQL bodies (compiled when called).",
    invalid: [
      {
        name: '20240101000000_create_tasks.sql',
        sql: "create type public.task_status as enum ('open', 'done');\ncreate table public.tasks (\n  id bigint primary key,\n  status public.task_status not null default 'open'::public.task_status\n);\ncreate index tasks_archived_idx on public.tasks (id) where status = 'archived'::public.task_status;\n",
      },
    ],
    valid: [
      {
        name: '20240101000000_create_tasks.sql',
        sql: "create type public.task_status as enum ('open', 'done', 'archived');\ncreate table public.tasks (\n  id bigint primary key,\n  status public.task_status not null default 'open'::public.task_status\n);\ncreate index tasks_archived_idx on public.tasks (id) where status = 'archived'::public.task_status;\n",
      },
    ],
  },
  {
    code: 'missing-foreign-key',
    kind: 'static',
    defaultSeverity: 'warning',
    summary: 'A column that names another table (tenant_id, user_id) has no foreign key to it.',
    description:
      'A column matching a pattern of `foreignKeyPatterns` (`^(.+)_id$` by default) whose type equals the single-column primary key of a table named after it (`tenant_id` → `tenant`/`tenants`/`tenancies`; `user_id` falls back to `auth.users`) and that has no foreign key, neither where it is defined nor added by a later `alter table … add constraint`. Without one, rows can point at nothing. The fix adds `references <table> (<column>)` after the column\'s type; when the table only exists from a later migration on, the message says so and suggests an `alter table … add foreign key` there instead.',
    invalid: [
      {
        name: '20240101000000_create_teams.sql',
        sql: 'create table public.teams (\n  id uuid primary key,\n  name text not null\n);\ncreate table public.members (\n  id uuid primary key,\n  team_id uuid not null,\n  role text not null\n);\n',
      },
    ],
    valid: [
      {
        name: '20240101000000_create_teams.sql',
        sql: 'create table public.teams (\n  id uuid primary key,\n  name text not null\n);\ncreate table public.members (\n  id uuid primary key,\n  team_id uuid not null references public.teams (id),\n  role text not null\n);\n',
      },
    ],
  },
  {
    code: 'out-of-order',
    kind: 'static',
    defaultSeverity: 'error',
    summary: 'A migration new on this branch sorts before the newest migration the base already has; `db push` refuses it.',
    description:
      "Only with a base to compare with (`check --base <ref>` or `--base auto`, `--applied <file>`, the editor's base branch; see [team-workflow.md](../team-workflow.md)). A migration whose version the base does not have, and whose version sorts (as text, like the Supabase CLI) before the newest version the base has: two branches each added a migration, and this one was merged second with an older timestamp. `supabase db push` refuses it (\"Found local migration files to be inserted before the last migration on remote database\"), and with `--include-all` it runs after migrations that were written after it. The fix re-stamps every such migration of the branch together after the base's newest, keeping their relative order and every dependency (the first free 14-digit timestamps, avoiding every version of the folder and of the base), and is only offered once a replay of the folder in the new order shows no new error; no file is ever overwritten. From the command line: `check --base <ref> --fix`.",
    base: [
      { name: '20240101000000_create_profiles.sql', sql: 'create table public.profiles (\n  id uuid primary key,\n  username text not null\n);\n' },
      { name: '20240103000000_create_teams.sql', sql: 'create table public.teams (\n  id uuid primary key,\n  name text not null\n);\n' },
    ],
    invalid: [
      { name: '20240101000000_create_profiles.sql', sql: 'create table public.profiles (\n  id uuid primary key,\n  username text not null\n);\n' },
      { name: '20240102000000_create_posts.sql', sql: 'create table public.posts (\n  id bigint primary key,\n  title text not null\n);\n' },
      { name: '20240103000000_create_teams.sql', sql: 'create table public.teams (\n  id uuid primary key,\n  name text not null\n);\n' },
    ],
    valid: [
      { name: '20240101000000_create_profiles.sql', sql: 'create table public.profiles (\n  id uuid primary key,\n  username text not null\n);\n' },
      { name: '20240103000000_create_teams.sql', sql: 'create table public.teams (\n  id uuid primary key,\n  name text not null\n);\n' },
      { name: '20240103000001_create_posts.sql', sql: 'create table public.posts (\n  id bigint primary key,\n  title text not null\n);\n' },
    ],
  },
  {
    code: 'edited-applied',
    kind: 'static',
    defaultSeverity: 'warning',
    summary: 'A migration the base already has was changed; production never runs the change.',
    description:
      "Only with a base to compare with (`check --base`, the editor's base branch; an applied list has no contents). The Supabase CLI records applied migrations by version only, so an edit to a migration that production already ran is never applied there, while a fresh `db reset` applies it: the two databases drift apart. Changes of white space and of comments outside string constants are not counted (Postgres' scanner reads the same tokens; a comment inside a function body is part of the body and counts). Put the change in a new migration and restore the file. When the change only adds whole statements, the fix moves them into a new migration that sorts after every migration of the folder and of the base (and takes them out of the edited file); it is not offered when a migration new on the branch uses what the edited file creates (it would then run before the moved statements).",
    base: [{ name: '20240101000000_create_profiles.sql', sql: 'create table public.profiles (\n  id uuid primary key,\n  username text not null\n);\n' }],
    invalid: [
      { name: '20240101000000_create_profiles.sql', sql: 'create table public.profiles (\n  id uuid primary key,\n  username text not null\n);\ncreate index profiles_username on public.profiles (username);\n' },
    ],
    valid: [
      { name: '20240101000000_create_profiles.sql', sql: '-- profiles of users\ncreate table public.profiles (\n  id   uuid primary key,\n  username text not null\n);\n' },
      { name: '20240102000000_index_profiles.sql', sql: 'create index profiles_username on public.profiles (username);\n' },
    ],
  },
  {
    code: 'removed-applied',
    kind: 'static',
    defaultSeverity: 'warning',
    summary: 'A migration the base already has (or a version production applied) has no file any more.',
    description:
      "Only with a base to compare with (`check --base`, `--applied <file>`, the editor's base branch). A migration of the base that is no longer in the folder — not under its name, its version, nor renamed (see `renamed-applied`). `supabase db push` stops (\"Remote migration versions not found in local migrations directory\"), and a fresh `db reset` no longer builds the schema production has. Restore the file; if it really must go, mark the version reverted in the history (`supabase migration repair --status reverted <version>`). The finding is reported on the file's former path (with an applied list: `<version>.sql` in the folder), with the migration that now runs in its place as related information.",
    base: [
      { name: '20240101000000_create_profiles.sql', sql: 'create table public.profiles (\n  id uuid primary key,\n  username text not null\n);\n' },
      { name: '20240102000000_create_teams.sql', sql: 'create table public.teams (\n  id uuid primary key,\n  name text not null\n);\n' },
    ],
    invalid: [{ name: '20240101000000_create_profiles.sql', sql: 'create table public.profiles (\n  id uuid primary key,\n  username text not null\n);\n' }],
    valid: [
      { name: '20240101000000_create_profiles.sql', sql: 'create table public.profiles (\n  id uuid primary key,\n  username text not null\n);\n' },
      { name: '20240102000000_create_teams.sql', sql: 'create table public.teams (\n  id uuid primary key,\n  name text not null\n);\n' },
    ],
  },
  {
    code: 'renamed-applied',
    kind: 'static',
    defaultSeverity: 'warning',
    summary: 'A migration the base already has was renamed.',
    description:
      "Only with a base to compare with (`check --base`, the editor's base branch). A migration of the base that is in the folder under another name: the same content with another version (an applied migration re-stamped: its new version is not in the history, so `db push` runs it again, or refuses it when it sorts before the newest applied version, and the old version is applied with no file), the same version with another label (the history still matches, but the name no longer says what ran), or a pair git's rename detection makes (similar content; files staged or committed). White space and comments do not count in the comparison. The fix renames the file back when its old name is free.",
    base: [{ name: '20240101000000_create_profiles.sql', sql: 'create table public.profiles (\n  id uuid primary key,\n  username text not null\n);\n' }],
    invalid: [{ name: '20240105000000_create_profiles.sql', sql: 'create table public.profiles (\n  id uuid primary key,\n  username text not null\n);\n' }],
    valid: [{ name: '20240101000000_create_profiles.sql', sql: 'create table public.profiles (\n  id uuid primary key,\n  username text not null\n);\n' }],
  },
] as const satisfies readonly RuleDescription[];
