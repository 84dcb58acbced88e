-- Stand-in for pg_net (`create extension pg_net`): async HTTP from SQL.
-- Plain SQL, real schema and signatures, no behaviour (requests return NULL ids).
-- The main functions only: the real extension has more (wait_until_running,
-- wake, ...), so other function names in `net` are unknown, not missing (@opaque).
-- @extension: pg_net
-- @relocatable: false
-- @schema: net
-- @requires:
-- @opaque: net:function

create schema if not exists net;

create type net.request_status as enum ('PENDING', 'SUCCESS', 'ERROR');
create type net.http_response as (status_code integer, headers jsonb, body text);
create type net.http_response_result as (status net.request_status, message text, response net.http_response);

create unlogged table net.http_request_queue (
  id bigserial not null,
  method text not null,
  url text not null,
  headers jsonb not null,
  body bytea,
  timeout_milliseconds integer not null
);

create unlogged table net._http_response (
  id bigint,
  status_code integer,
  content_type text,
  headers jsonb,
  content text,
  timed_out boolean,
  error_msg text,
  created timestamptz not null default now()
);
create index _http_response_created_idx on net._http_response (created);

create function net.http_get(
  url text,
  params jsonb default '{}'::jsonb,
  headers jsonb default '{}'::jsonb,
  timeout_milliseconds integer default 5000
) returns bigint language sql volatile as 'select null::bigint';

create function net.http_post(
  url text,
  body jsonb default '{}'::jsonb,
  params jsonb default '{}'::jsonb,
  headers jsonb default '{"Content-Type": "application/json"}'::jsonb,
  timeout_milliseconds integer default 5000
) returns bigint language sql volatile as 'select null::bigint';

create function net.http_delete(
  url text,
  params jsonb default '{}'::jsonb,
  headers jsonb default '{}'::jsonb,
  timeout_milliseconds integer default 5000,
  body jsonb default null
) returns bigint language sql volatile as 'select null::bigint';

create function net._http_collect_response(request_id bigint, async boolean default true)
returns net.http_response_result language sql volatile as 'select null::net.http_response_result';

create function net.http_collect_response(request_id bigint, async boolean default true)
returns net.http_response_result language sql volatile as 'select null::net.http_response_result';

create function net.worker_restart() returns boolean language sql as 'select null::boolean';
