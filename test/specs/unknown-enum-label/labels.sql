create type public.task_status as enum ('open', 'done');
create table public.tasks (id bigint primary key, status public.task_status not null default 'opened'::public.task_status);
insert into public.tasks values (1, 'open'::public.task_status), (2, CAST('closed' AS public.task_status));
-- fine: existing labels, a renamed label by its new name, a label added before
alter type public.task_status rename value 'done' to 'finished';
alter type public.task_status add value 'archived';
commit;
create index tasks_live_idx on public.tasks (id) where status <> 'archived'::public.task_status and status <> 'finished'::public.task_status;
-- the old name is gone
create index tasks_done_idx on public.tasks (id) where status = 'done'::public.task_status;
-- a default converts the string to the column's enum when the table is made
create table public.tickets (id bigint primary key, status public.task_status not null default 'pending');
create table public.notes (id bigint primary key, status public.task_status default 'open');
