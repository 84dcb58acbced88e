-- Naming a parameter that had no name, changing the body, the language or the volatility: all accepted.
create function public.greet(text) returns text language sql as $$ select 'hi ' || $1 $$;
create or replace function public.greet(p_name text) returns text language plpgsql stable as $$ begin return 'hello ' || p_name; end $$;
