-- The policy's own table name, schema-qualified or not, and other tables inside a subquery: all fine.
create table public.members (team_id bigint, user_id uuid);
create table public.notes (id bigint primary key, team_id bigint, body text);
alter table public.notes enable row level security;
create policy "team members read notes" on public.notes for select
  using (exists (select 1 from public.members m where m.team_id = notes.team_id and m.user_id = auth.uid()));
create policy "team members edit notes" on public.notes for update
  using (public.notes.team_id in (select m.team_id from public.members m where m.user_id = auth.uid()))
  with check ((select count(*) from public.members m where m.team_id = team_id) > 0);
