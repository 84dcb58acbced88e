-- Stand-in for Supabase `wrappers` (Rust foreign data wrappers).
-- Each wrapper has <name>_fdw_handler() returns fdw_handler,
-- <name>_fdw_validator(text[], oid) and <name>_fdw_meta(). The handlers are
-- bound to the fdw_handler pseudo-type's input function, which raises if ever
-- invoked (querying a foreign table); CREATE FOREIGN DATA WRAPPER / SERVER /
-- FOREIGN TABLE work because they never call the handler, and the validators
-- accept any options. Requires superuser (LANGUAGE internal).
-- @extension: wrappers
-- @relocatable: false
-- @requires:

create table @extschema@.wrappers_fdw_stats (
  fdw_name text not null primary key,
  create_times bigint,
  rows_in bigint,
  rows_out bigint,
  bytes_in bigint,
  bytes_out bigint,
  metadata jsonb,
  created_at timestamptz not null default timezone('utc', now()),
  updated_at timestamptz not null default timezone('utc', now())
);

do $wrappers$
declare
  w text;
  s text := '@extschema@';
begin
  foreach w in array array[
    'stripe', 'firebase', 's3', 'clickhouse', 'bigquery', 'airtable', 'logflare',
    'auth0', 'cognito', 'mssql', 'redis', 'wasm', 'iceberg', 'paddle', 'notion'
  ] loop
    execute format('create function %s.%I() returns fdw_handler language internal as %L',
                   s, w || '_fdw_handler', 'fdw_handler_in');
    -- plpgsql (not sql): a void plpgsql function returns a non-null value, which
    -- the FDW validator call requires.
    execute format('create function %s.%I(options text[], catalog oid) returns void language plpgsql as %L',
                   s, w || '_fdw_validator', 'begin end');
    execute format('create function %s.%I() returns table (name text, version text, author text, website text) language sql as %L',
                   s, w || '_fdw_meta', 'select null::text, null::text, null::text, null::text where false');
  end loop;
end
$wrappers$;
