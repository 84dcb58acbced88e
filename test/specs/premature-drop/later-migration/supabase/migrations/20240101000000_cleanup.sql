-- cleanup written before the objects it drops: every statement here does nothing, and what the next migration makes stays
drop policy if exists "tasks are public" on public.tasks;
drop trigger if exists tasks_touch on public.tasks;
drop function if exists public.touch_task(bigint);
drop index if exists public.tasks_title_idx;
alter table if exists public.tasks add column archived boolean;
drop table if exists public.tasks;
