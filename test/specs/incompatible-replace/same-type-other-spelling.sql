-- One type written two ways is no change: integer / int4, timestamptz / timestamp with time zone, t / public.t.
create type public.mood as enum ('ok', 'meh');
create function public.f(p int) returns integer language sql as $$ select p $$;
create or replace function public.f(p int4) returns int4 language sql as $$ select p $$;
create function public.g() returns timestamptz language sql as $$ select now() $$;
create or replace function public.g() returns timestamp with time zone language sql as $$ select now() $$;
create function public.h() returns public.mood language sql as $$ select 'ok'::public.mood $$;
create or replace function public.h() returns mood language sql as $$ select 'meh'::mood $$;
create function public.s() returns setof int language sql as $$ select 1 $$;
create or replace function public.s() returns table (n int) language sql as $$ select 2 $$;
