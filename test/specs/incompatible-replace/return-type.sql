-- CREATE OR REPLACE of the same signature may not change the return type (42P13).
create function public.score(p_user uuid) returns integer language sql as $$ select 1 $$;
create or replace function public.score(p_user uuid) returns bigint language sql as $$ select 1::bigint $$;
