-- INSERT without a column list, on a table whose columns are all known: by position
create type public.task_status as enum ('open', 'done');
create table public.tasks (id bigint primary key, status public.task_status not null default 'open', title text);
alter table public.tasks add column owner text;
insert into public.tasks values (1, 'done', 'first', 'owner'), (2, 'closed', 'second', 'owner');
