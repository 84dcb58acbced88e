create type public.task_status as enum ('open', 'done');
create table public.tasks (id bigint primary key, status public.task_status not null default 'open', title text);
