create table public.sightings (id int primary key, url text);
-- a string body is checked at creation with the function's SET search_path: empty here
create function public.sighting_count() returns bigint language sql set search_path = ''
as $$ select count(*) from sightings $$;
