-- a default without a cast: the string is converted to the column's enum when the default is set
create type public.task_status as enum ('open', 'done');
create table public.tasks (id bigint primary key, status public.task_status not null default 'open', title text);
alter table public.tasks alter column status set default 'archived';
