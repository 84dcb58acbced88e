-- INSERT with a column list: each string is converted to its column's type
create type public.task_status as enum ('open', 'done');
create table public.tasks (id bigint primary key, status public.task_status not null default 'open', title text);
insert into public.tasks (id, title, status) values (1, 'first', 'open'), (2, 'second', 'finished');
