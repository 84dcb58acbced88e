-- IF NOT EXISTS: the value may have existed before, so a use is not certainly unsafe (not reported).
alter type public.task_status add value if not exists 'done';
create index tasks_done_idx on public.tasks (id) where status = 'done'::public.task_status;
