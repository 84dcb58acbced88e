-- Dropped first: a new function, any return type.
create function public.score(p_user uuid) returns integer language sql as $$ select 1 $$;
drop function public.score(uuid);
create or replace function public.score(p_user uuid) returns bigint language sql as $$ select 1::bigint $$;
