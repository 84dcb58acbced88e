create table public.tasks (id bigint primary key, title text);
create index tasks_title_idx on public.tasks (title);
alter table public.tasks enable row level security;
create policy "tasks are public" on public.tasks for select using (true);
create function public.touch_task(p_id bigint) returns bigint language sql as 'select p_id';
create function public.touch() returns trigger language plpgsql as 'begin return new; end';
create trigger tasks_touch before update on public.tasks for each row execute function public.touch();
