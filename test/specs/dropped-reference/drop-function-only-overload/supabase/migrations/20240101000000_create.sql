create function public.search(q text, lim integer default 10) returns integer language sql as $$ select 1 $$;
