-- UPDATE in a migration: SET converts the string to the column's type
create type public.task_status as enum ('open', 'done');
create table public.tasks (id bigint primary key, status public.task_status not null default 'open', title text);
update public.tasks set status = 'closed' where status = 'open';
