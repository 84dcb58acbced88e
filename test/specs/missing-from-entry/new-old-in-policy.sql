-- A policy has no NEW or OLD row (42P01 when the policy is created).
create table public.scores (id bigint primary key, user_id uuid not null, points int not null);
alter table public.scores enable row level security;
create policy "no score edits" on public.scores for update
  using (user_id = auth.uid())
  with check (new.points = old.points);
