alter type public.task_status add value 'archived';
alter table public.tasks add constraint tasks_live check (status <> 'archived');
