-- Columns from * or renamed by ALTER VIEW are not compared (not certain).
create table public.profiles (id uuid primary key, username text, bio text);
create view public.all_profiles as select * from public.profiles;
create or replace view public.all_profiles as select id, username, bio from public.profiles;
create view public.names as select id, username from public.profiles;
alter view public.names rename column username to handle;
create or replace view public.names as select id, username as handle from public.profiles;
