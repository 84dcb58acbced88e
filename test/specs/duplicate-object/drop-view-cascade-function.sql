create table public.sightings (id int primary key, observed_at timestamptz);
create view public.occurrences as select id, observed_at from public.sightings;
-- takes a row of the view: depends on it
create function public.local_date(o public.occurrences) returns date language sql as $$ select o.observed_at::date $$;
-- CASCADE drops the function with the view
drop view public.occurrences cascade;
create view public.occurrences as select id, observed_at from public.sightings;
create function public.local_date(o public.occurrences) returns date language sql as $$ select o.observed_at::date $$;
