-- a CHECK comparing the enum column with strings: each string is converted to the enum when the constraint is added
create type public.task_status as enum ('open', 'done');
create table public.tasks (id bigint primary key, status public.task_status not null default 'open', title text);
alter table public.tasks add constraint tasks_status_check check (status in ('open', 'archived'));
