-- The file's COMMIT ends the CLI's transaction: the value is committed before its use.
alter type public.task_status add value 'archived';
commit;
create index tasks_live_idx on public.tasks (id) where status <> 'archived'::public.task_status;
