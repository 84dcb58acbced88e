-- A label added in a DO block (maybe not at all): the labels are not certain from then on, nothing is reported.
create type public.task_status as enum ('open', 'done');
create table public.tasks (id bigint primary key, status public.task_status);
do $$ begin
  if not exists (select 1 from pg_enum where enumlabel = 'archived') then
    alter type public.task_status add value 'archived';
  end if;
end $$;
commit;
create index tasks_archived_idx on public.tasks (id) where false and 'archived'::public.task_status is not null;
