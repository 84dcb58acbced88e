create table public.sightings (id int primary key, url text);
-- a SQL-standard body is parsed when the function is created, with the session's search path; SET
-- search_path applies when it runs
create function public.sighting_count() returns bigint language sql set search_path = ''
begin atomic
  select count(*) from sightings;
end;
