-- Other statements that name columns (42703): COMMENT ON COLUMN, column privileges, UPDATE OF and a
-- trigger's WHEN, the columns INSERT and UPDATE assign, a view or materialized view over one table.
create table public.tasks (id bigint primary key, title text not null, done boolean not null default false);
create function public.touch() returns trigger language plpgsql as $$ begin return new; end $$;
comment on column public.tasks.titel is 'The title';
grant update (title, finished) on public.tasks to authenticated;
create trigger tasks_touch before update of done, state on public.tasks for each row execute function public.touch();
create trigger tasks_when before update on public.tasks for each row when (old.titl is distinct from new.title) execute function public.touch();
insert into public.tasks (id, tittle) values (1, 'first');
update public.tasks set finished = true where id = 1;
insert into public.tasks (id, title) values (1, 'first') on conflict (id) do update set titl = excluded.title;
create view public.open_tasks as select id, title from public.tasks where not finished;
create view public.task_titles as select t.id, t.titl from public.tasks t;
create materialized view public.done_tasks as select id, titel from public.tasks where done;
