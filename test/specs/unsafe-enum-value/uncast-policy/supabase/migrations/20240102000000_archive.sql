alter type public.task_status add value 'archived';
alter table public.tasks enable row level security;
create policy "live tasks" on public.tasks for select using (status not in ('archived'));
