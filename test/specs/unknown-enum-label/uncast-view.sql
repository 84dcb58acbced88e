-- a view's WHERE is analysed when the view is made
create type public.task_status as enum ('open', 'done');
create table public.tasks (id bigint primary key, status public.task_status not null default 'open', title text);
create view public.open_tasks as select id, title from public.tasks where status = 'opened';
