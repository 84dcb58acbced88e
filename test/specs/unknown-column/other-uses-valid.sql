-- Fine: the columns exist; a whole-row reference (`tasks`); names inside a subquery or a join are not judged here.
create table public.tasks (id bigint primary key, title text not null, done boolean not null default false);
create table public.notes (id bigint primary key, task_id bigint references public.tasks (id), body text);
create function public.touch() returns trigger language plpgsql as $$ begin return new; end $$;
comment on column public.tasks.title is 'The title';
grant update (title, done) on public.tasks to authenticated;
create trigger tasks_touch before update of done on public.tasks for each row when (old.title is distinct from new.title) execute function public.touch();
insert into public.tasks (id, title) values (1, 'first');
update public.tasks set done = true, title = title || '!' where id = 1;
insert into public.tasks (id, title) values (1, 'first') on conflict (id) do update set title = excluded.title;
create view public.open_tasks as select id, title, tasks from public.tasks where not done;
create view public.task_notes as select t.id, n.body from public.tasks t join public.notes n on n.task_id = t.id;
create view public.noted as select t.id, (select count(*) from public.notes where task_id = t.id) as notes from public.tasks t;
create materialized view public.done_tasks as select id, title from public.tasks where done;
