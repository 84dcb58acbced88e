-- A function may not become a procedure with CREATE OR REPLACE (42809).
create function public.cleanup() returns void language sql as $$ select $$;
create or replace procedure public.cleanup() language sql as $$ select $$;
