-- The enum is created in this migration too: PostgreSQL 15 refuses the use (55P04), 17 accepts it; not certain, not reported.
create type public.task_status as enum ('open', 'done');
alter type public.task_status add value 'archived';
create table public.tasks (id bigint primary key, status public.task_status not null default 'archived'::public.task_status);
