-- a subquery of a policy: a column of its FROM table compared with a string
create type public.task_status as enum ('open', 'done');
create table public.tasks (id bigint primary key, status public.task_status not null default 'open', title text);
create table public.notes (id bigint primary key, task_id bigint references public.tasks);
alter table public.notes enable row level security;
create policy "notes of live tasks" on public.notes for select using (exists (select 1 from public.tasks t where t.id = notes.task_id and t.status <> 'archived'));
