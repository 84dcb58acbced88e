-- IF EXISTS guards on objects no migration creates, on objects that existed before, and drop-then-create in one migration: nothing to say
drop table if exists public.legacy_tasks;
drop function if exists public.touch_task(text);
create table public.tasks (id bigint primary key, title text);
drop table if exists public.tasks;
drop view if exists public.task_titles;
create view public.task_titles as select 1 as id;
