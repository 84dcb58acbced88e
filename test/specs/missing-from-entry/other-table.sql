-- Another table's column outside a subquery: no FROM entry for it.
create table public.members (team_id bigint, user_id uuid);
create table public.notes (id bigint primary key, team_id bigint, body text);
alter table public.notes enable row level security;
create policy "members read notes" on public.notes for select using (members.user_id = auth.uid());
