-- a DO block that only adds a constraint leaves the table's columns as they were: still known for certain
create type public.task_status as enum ('open', 'done');
create table public.tasks (id bigint primary key, status public.task_status not null default 'open');
do $$ begin
  if not exists (select 1 from pg_constraint where conname = 'tasks_id_positive') then
    alter table public.tasks add constraint tasks_id_positive check (id > 0);
  end if;
end $$;
insert into public.tasks (id, status) values (1, 'archived');
