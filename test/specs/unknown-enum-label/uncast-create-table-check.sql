-- CREATE TABLE with a CHECK on a column of the statement
create type public.task_status as enum ('open', 'done');
create table public.tasks (id bigint primary key, status public.task_status not null, check (status <> 'deleted'));
