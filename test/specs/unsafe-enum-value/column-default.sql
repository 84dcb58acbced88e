-- A column default is converted when the table is created: a value added in this migration is unsafe there too (55P04).
create type public.task_status as enum ('open', 'done');
commit;
alter type public.task_status add value 'archived';
create table public.archive (id bigint primary key, status public.task_status not null default 'archived');
