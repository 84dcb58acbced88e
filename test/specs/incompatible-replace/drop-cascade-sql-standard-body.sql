create function public.fetch_range(d date) returns int language sql as $$ select 1 $$;
-- a SQL-standard body: depends on what it uses
create function public.update_sightings(d date) returns void language sql
begin atomic
  select public.fetch_range(d);
end;
-- CASCADE drops update_sightings too: the next CREATE OR REPLACE makes it anew, with another return type
drop function public.fetch_range cascade;
create function public.fetch_range(d date) returns int language sql as $$ select 2 $$;
create or replace function public.update_sightings(d date) returns table (sighting_id int) language sql
as $$ select public.fetch_range(d) $$;
