-- strings converted to an enum column's type with labels it has, and places where the type is not certain
create type public.task_status as enum ('open', 'done');
create domain public.task_state as public.task_status;
create table public.tasks (id bigint primary key, status public.task_status not null default 'open', title text, state public.task_state default 'done', check (status in ('open', 'done')));
alter table public.tasks alter column status set default 'done';
alter table public.tasks add column previous public.task_status default 'open' check (previous <> 'done');
alter table public.tasks add constraint tasks_title_check check (title <> 'archived' and status::text <> 'archived');
alter table public.tasks enable row level security;
create policy "open tasks" on public.tasks for select using (status = 'open' or exists (select 1 from public.tasks t2 where t2.title = 'archived'));
create index tasks_open_idx on public.tasks (id) where status <> 'done';
insert into public.tasks (id, title, status) values (1, 'first', 'open');
insert into public.tasks values (2, 'done', 'second');
create function public.count_tasks(s public.task_status default 'open') returns int language sql as 'select 1';
-- the enum renamed and another made with its name: the column keeps the first one (with 'open')
alter type public.task_status rename to task_status_old;
create type public.task_status as enum ('todo');
insert into public.tasks (id, status) values (3, 'open');
-- a table whose columns come from another (LIKE): not known for certain, nothing said
create table public.tasks_copy (like public.tasks including all);
insert into public.tasks_copy (id, status) values (4, 'done');
-- queries: labels the enum has, a column of another FROM item, a join (unqualified names not followed)
create table public.notes (id bigint primary key, parent bigint, body text);
update public.tasks set status = 'done' where status = 'open' and id in (select parent from public.notes where body = 'archived');
create view public.open_notes as select n.id from public.notes n join public.tasks t on t.id = n.parent where t.status = 'open' and body <> 'archived';
delete from public.tasks where status = 'done';
