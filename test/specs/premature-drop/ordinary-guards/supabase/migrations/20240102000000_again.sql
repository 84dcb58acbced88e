create table public.tasks (id bigint primary key, title text);
create or replace view public.task_titles as select 1 as id;
-- another signature than the one dropped above
create function public.touch_task(p_id bigint) returns bigint language sql as 'select p_id';
