-- CREATE OR REPLACE VIEW may add columns at the end only (42P16 for dropping or renaming).
create table public.profiles (id uuid primary key, username text, bio text);
create view public.profile_names as select id, username from public.profiles;
create or replace view public.profile_names as select id, username, bio from public.profiles;
create or replace view public.profile_names as select id, bio as about from public.profiles;
