create index tasks_live_idx on public.tasks (id) where status <> 'archived'::public.task_status;
