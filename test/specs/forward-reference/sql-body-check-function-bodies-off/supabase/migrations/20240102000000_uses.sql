set check_function_bodies = false;
create function public.f() returns bigint language sql as $$ select count(*) from public.log $$;
