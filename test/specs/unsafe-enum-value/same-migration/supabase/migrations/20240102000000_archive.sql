-- The new value is used in the migration that adds it: Postgres refuses (55P04).
alter type public.task_status add value 'archived';
create index tasks_live_idx on public.tasks (id) where status <> 'archived'::public.task_status;
