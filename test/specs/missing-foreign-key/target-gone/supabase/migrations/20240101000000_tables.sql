create table public.teams (id uuid primary key);
create table public.squads (id uuid primary key);
