-- pgmq (Supabase Queues): its schema, types, table and functions are known; the queue tables
-- pgmq.create() makes at run time (pgmq.q_<name>, pgmq.a_<name>) are unknown, not missing
create extension if not exists pgmq;
create function public.pop(queue_name text) returns setof pgmq.message_record language sql
  as $$ select * from pgmq.pop(queue_name) $$;
select pgmq.create('jobs');
alter table pgmq.q_jobs enable row level security;
grant select on table pgmq.a_jobs to service_role;
grant select on table pgmq.meta to service_role;
grant usage on schema pgmq to authenticated;
grant execute on function pgmq.send(text, jsonb, integer) to service_role;
grant execute on function pgmq.read(text, integer, integer, jsonb) to service_role;
select pgmq.send_batch('jobs', array['{}'::jsonb]), pgmq.archive('jobs', 1::bigint), pgmq.delete('jobs', 1::bigint);
-- a type name in pgmq may be a queue table's row type: unknown, not missing
create function public.peek(queue_name text) returns setof pgmq.q_jobs language sql
  as $$ select * from pgmq.q_jobs limit 1 $$;
-- misspelt, or another schema: still errors, printed as a person writes them (queue.create, not queue."create")
select pgmq.sendd('jobs', '{}'::jsonb);
select queue.create('jobs');
