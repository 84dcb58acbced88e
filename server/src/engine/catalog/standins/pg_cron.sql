-- Stand-in for pg_cron (`create extension pg_cron`): job scheduler.
-- The real control file says schema = pg_catalog; all objects live in `cron`,
-- which is recorded as the fixed schema. No behaviour: functions return NULL.
-- @extension: pg_cron
-- @relocatable: false
-- @schema: cron
-- @requires:

create schema if not exists cron;

create sequence cron.jobid_seq;
create sequence cron.runid_seq;

create table cron.job (
  jobid bigint primary key default nextval('cron.jobid_seq'),
  schedule text not null,
  command text not null,
  nodename text not null default 'localhost',
  nodeport integer not null default inet_server_port(),
  database text not null default current_database(),
  username text not null default current_user,
  active boolean not null default true,
  jobname name,
  constraint jobname_username_uniq unique (jobname, username)
);

create table cron.job_run_details (
  jobid bigint,
  runid bigint primary key default nextval('cron.runid_seq'),
  job_pid integer,
  database text,
  username text,
  command text,
  status text,
  return_message text,
  start_time timestamptz,
  end_time timestamptz
);

alter table cron.job enable row level security;
alter table cron.job_run_details enable row level security;

create function cron.schedule(schedule text, command text) returns bigint
language sql as 'select null::bigint';
create function cron.schedule(job_name text, schedule text, command text) returns bigint
language sql as 'select null::bigint';
create function cron.schedule_in_database(
  job_name text, schedule text, command text, database text,
  username text default null, active boolean default true
) returns bigint language sql as 'select null::bigint';
create function cron.unschedule(job_id bigint) returns boolean
language sql as 'select null::boolean';
create function cron.unschedule(job_name text) returns boolean
language sql as 'select null::boolean';
create function cron.alter_job(
  job_id bigint, schedule text default null, command text default null,
  database text default null, username text default null, active boolean default null
) returns void language sql as 'select';
create function cron.job_cache_invalidate() returns trigger
language plpgsql as $$ begin return null; end $$;
create trigger cron_job_cache_invalidate after insert or update or delete or truncate on cron.job
for each statement execute function cron.job_cache_invalidate();
