-- Stand-in for pg_graphql (`create extension pg_graphql`), preinstalled on
-- Supabase. Objects live in schema `graphql`; resolve() returns NULL.
-- @extension: pg_graphql
-- @relocatable: false
-- @schema: graphql
-- @requires:

create schema if not exists graphql;

create function graphql.resolve(
  query text,
  variables jsonb default '{}'::jsonb,
  "operationName" text default null,
  extensions jsonb default null
) returns jsonb language sql as 'select null::jsonb';

create function graphql.comment_directive(comment_ text) returns jsonb
language sql immutable as 'select null::jsonb';

create function graphql.exception(message text) returns text
language plpgsql as $$ begin raise exception using errcode = '22000', message = message; end $$;

create function graphql._internal_resolve(
  query text,
  variables jsonb default '{}'::jsonb,
  "operationName" text default null,
  extensions jsonb default null
) returns jsonb language sql as 'select null::jsonb';
