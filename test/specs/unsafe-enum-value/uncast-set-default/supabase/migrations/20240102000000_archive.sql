alter type public.task_status add value 'archived';
alter table public.tasks alter column status set default 'archived';
