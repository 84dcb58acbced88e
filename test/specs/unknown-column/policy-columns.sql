create table public.posts (id bigint primary key, author_id uuid not null, published boolean not null default false);
alter table public.posts enable row level security;
create policy "owners" on public.posts for update using (owner_id = auth.uid());
-- fine: the table's own columns, qualified or not; columns of other tables inside a subquery
create policy "authors" on public.posts for update using (posts.author_id = auth.uid() and published = false);
create policy "readers" on public.posts for select using (exists (select 1 from public.posts p where p.id = id and p.published));
