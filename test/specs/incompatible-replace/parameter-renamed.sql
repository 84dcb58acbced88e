-- An input parameter's name may not change (42P13); naming an unnamed one is fine (next statement pair).
create function public.greet(p_name text) returns text language sql as $$ select 'hi ' || p_name $$;
create or replace function public.greet(name text) returns text language sql as $$ select 'hi ' || name $$;
