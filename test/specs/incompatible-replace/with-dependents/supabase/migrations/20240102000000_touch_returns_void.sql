-- A trigger uses the function: DROP FUNCTION needs CASCADE, which drops the trigger too.
create or replace function public.touch() returns void language sql as $$ select $$;
