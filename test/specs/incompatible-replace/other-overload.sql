-- Another input signature is another function (an overload): nothing is replaced.
create function public.score(p_user uuid) returns integer language sql as $$ select 1 $$;
create or replace function public.score(p_user uuid, p_day date) returns bigint language sql as $$ select 1::bigint $$;
