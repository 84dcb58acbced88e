-- ADD COLUMN with a default: converted when the column is added
create type public.task_status as enum ('open', 'done');
create table public.tasks (id bigint primary key, status public.task_status not null default 'open', title text);
alter table public.tasks add column previous public.task_status default 'closed';
