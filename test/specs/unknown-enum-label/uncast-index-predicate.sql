-- a partial index's predicate
create type public.task_status as enum ('open', 'done');
create table public.tasks (id bigint primary key, status public.task_status not null default 'open', title text);
create index tasks_open_idx on public.tasks (id) where 'pending' <> status;
