-- a policy expression comparing the enum column with a string
create type public.task_status as enum ('open', 'done');
create table public.tasks (id bigint primary key, status public.task_status not null default 'open', title text);
alter table public.tasks enable row level security;
create policy "open tasks" on public.tasks for select using (tasks.status = 'opened');
