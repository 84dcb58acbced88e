-- Stand-in for pgmq 1.5.1 (`create extension pgmq`; Supabase Queues): a message queue.
-- The interface of the real extension script (pgmq-extension/sql/pgmq.sql at v1.5.1, read from the system
-- catalogs of a scratch database it was installed in): the table pgmq.meta, the composite types and every
-- function with its exact signature, defaults and result. No behaviour (functions return NULL or no rows),
-- except that the queue-creating functions create the queue's tables pgmq.q_<name> and pgmq.a_<name> (the
-- real columns) and its pgmq.meta row, since migrations use them right after `select pgmq.create(...)`.
-- The real extension creates those tables at run time, with names the engine cannot know: names of
-- relations in schema pgmq are unknown, not missing (@opaque).
-- @extension: pgmq
-- @relocatable: false
-- @schema: pgmq
-- @requires:
-- @opaque: pgmq:relation

create schema if not exists pgmq;

create table pgmq.meta (
  queue_name varchar unique not null,
  is_partitioned boolean not null,
  is_unlogged boolean not null,
  created_at timestamptz default now() not null
);

create type pgmq.message_record as (
  msg_id bigint,
  read_ct integer,
  enqueued_at timestamp with time zone,
  vt timestamp with time zone,
  message jsonb,
  headers jsonb
);

create type pgmq.queue_record as (
  queue_name character varying,
  is_partitioned boolean,
  is_unlogged boolean,
  created_at timestamp with time zone
);

create type pgmq.metrics_result as (
  queue_name text,
  queue_length bigint,
  newest_msg_age_sec integer,
  oldest_msg_age_sec integer,
  total_messages bigint,
  scrape_time timestamp with time zone,
  queue_visible_length bigint
);

-- the queue's tables, as pgmq creates them (msg_id, read_ct, enqueued_at, [archived_at,] vt, message, headers)
create function pgmq.create_non_partitioned(queue_name text) returns void language plpgsql as $$
begin
  execute format('create table if not exists pgmq.%I (msg_id bigint primary key generated always as identity, read_ct integer default 0 not null, enqueued_at timestamptz default now() not null, vt timestamptz not null, message jsonb, headers jsonb)', 'q_' || lower(queue_name));
  execute format('create table if not exists pgmq.%I (msg_id bigint primary key, read_ct integer default 0 not null, enqueued_at timestamptz default now() not null, archived_at timestamptz default now() not null, vt timestamptz not null, message jsonb, headers jsonb)', 'a_' || lower(queue_name));
  insert into pgmq.meta (queue_name, is_partitioned, is_unlogged) values (queue_name, false, false) on conflict do nothing;
end $$;

create function pgmq._belongs_to_pgmq(table_name text) returns boolean language plpgsql as $$ begin return null; end $$;
create function pgmq._ensure_pg_partman_installed() returns void language plpgsql as $$ begin return; end $$;
create function pgmq._extension_exists(extension_name text) returns boolean language plpgsql as $$ begin return null; end $$;
create function pgmq._get_partition_col(partition_interval text) returns text language plpgsql as $$ begin return null; end $$;
create function pgmq._get_pg_partman_major_version() returns integer language plpgsql as $$ begin return null; end $$;
create function pgmq._get_pg_partman_schema() returns text language plpgsql as $$ begin return null; end $$;
create function pgmq.archive(queue_name text, msg_id bigint) returns boolean language plpgsql as $$ begin return null; end $$;
create function pgmq.archive(queue_name text, msg_ids bigint[]) returns setof bigint language plpgsql as $$ begin return; end $$;
create function pgmq.convert_archive_partitioned(table_name text, partition_interval text default '10000'::text, retention_interval text default '100000'::text, leading_partition integer default 10) returns void language plpgsql as $$ begin return; end $$;
create function pgmq."create"(queue_name text) returns void language plpgsql as $$ begin perform pgmq.create_non_partitioned(queue_name); end $$;
create function pgmq.create_partitioned(queue_name text, partition_interval text default '10000'::text, retention_interval text default '100000'::text) returns void language plpgsql as $$ begin perform pgmq.create_non_partitioned(queue_name); end $$;
create function pgmq.create_unlogged(queue_name text) returns void language plpgsql as $$ begin perform pgmq.create_non_partitioned(queue_name); end $$;
create function pgmq.delete(queue_name text, msg_id bigint) returns boolean language plpgsql as $$ begin return null; end $$;
create function pgmq.delete(queue_name text, msg_ids bigint[]) returns setof bigint language plpgsql as $$ begin return; end $$;
create function pgmq.detach_archive(queue_name text) returns void language plpgsql as $$ begin return; end $$;
create function pgmq.drop_queue(queue_name text) returns boolean language plpgsql as $$ begin return null; end $$;
create function pgmq.drop_queue(queue_name text, partitioned boolean) returns boolean language plpgsql as $$ begin return null; end $$;
create function pgmq.format_table_name(queue_name text, prefix text) returns text language plpgsql as $$ begin return null; end $$;
create function pgmq.list_queues() returns setof pgmq.queue_record language plpgsql as $$ begin return; end $$;
create function pgmq.metrics(queue_name text) returns pgmq.metrics_result language plpgsql as $$ begin return null; end $$;
create function pgmq.metrics_all() returns setof pgmq.metrics_result language plpgsql as $$ begin return; end $$;
create function pgmq.pop(queue_name text) returns setof pgmq.message_record language plpgsql as $$ begin return; end $$;
create function pgmq.purge_queue(queue_name text) returns bigint language plpgsql as $$ begin return null; end $$;
create function pgmq.read(queue_name text, vt integer, qty integer, conditional jsonb default '{}'::jsonb) returns setof pgmq.message_record language plpgsql as $$ begin return; end $$;
create function pgmq.read_with_poll(queue_name text, vt integer, qty integer, max_poll_seconds integer default 5, poll_interval_ms integer default 100, conditional jsonb default '{}'::jsonb) returns setof pgmq.message_record language plpgsql as $$ begin return; end $$;
create function pgmq.send(queue_name text, msg jsonb) returns setof bigint language plpgsql as $$ begin return; end $$;
create function pgmq.send(queue_name text, msg jsonb, delay integer) returns setof bigint language plpgsql as $$ begin return; end $$;
create function pgmq.send(queue_name text, msg jsonb, delay timestamp with time zone) returns setof bigint language plpgsql as $$ begin return; end $$;
create function pgmq.send(queue_name text, msg jsonb, headers jsonb) returns setof bigint language plpgsql as $$ begin return; end $$;
create function pgmq.send(queue_name text, msg jsonb, headers jsonb, delay integer) returns setof bigint language plpgsql as $$ begin return; end $$;
create function pgmq.send(queue_name text, msg jsonb, headers jsonb, delay timestamp with time zone) returns setof bigint language plpgsql as $$ begin return; end $$;
create function pgmq.send_batch(queue_name text, msgs jsonb[]) returns setof bigint language plpgsql as $$ begin return; end $$;
create function pgmq.send_batch(queue_name text, msgs jsonb[], delay integer) returns setof bigint language plpgsql as $$ begin return; end $$;
create function pgmq.send_batch(queue_name text, msgs jsonb[], delay timestamp with time zone) returns setof bigint language plpgsql as $$ begin return; end $$;
create function pgmq.send_batch(queue_name text, msgs jsonb[], headers jsonb[]) returns setof bigint language plpgsql as $$ begin return; end $$;
create function pgmq.send_batch(queue_name text, msgs jsonb[], headers jsonb[], delay integer) returns setof bigint language plpgsql as $$ begin return; end $$;
create function pgmq.send_batch(queue_name text, msgs jsonb[], headers jsonb[], delay timestamp with time zone) returns setof bigint language plpgsql as $$ begin return; end $$;
create function pgmq.set_vt(queue_name text, msg_id bigint, vt integer) returns setof pgmq.message_record language plpgsql as $$ begin return; end $$;
create function pgmq.validate_queue_name(queue_name text) returns void language plpgsql as $$ begin return; end $$;
