-- the column's type changed to a new enum: its labels count from then on
create type public.task_status as enum ('open', 'done');
create table public.tasks (id bigint primary key, status public.task_status not null default 'open', title text);
alter type public.task_status rename to task_status_old;
create type public.task_status as enum ('todo', 'doing', 'done');
alter table public.tasks alter column status drop default;
alter table public.tasks alter column status type public.task_status using (case status::text when 'open' then 'todo' else 'done' end)::public.task_status;
alter table public.tasks alter column status set default 'open';
