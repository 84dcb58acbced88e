drop table public.teams;
alter table public.squads rename to crews;
create table public.members (id uuid primary key, team_id uuid, squad_id uuid, crew_id uuid);
