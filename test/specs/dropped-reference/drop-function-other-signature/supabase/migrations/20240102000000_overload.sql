-- an argument list that no overload has: IF EXISTS makes it a no-op, public.search(text, integer) stays
drop function if exists public.search(text);
create function public.search(q text, only_public boolean, lim integer default 10) returns integer language sql as $$ select 2 $$;
