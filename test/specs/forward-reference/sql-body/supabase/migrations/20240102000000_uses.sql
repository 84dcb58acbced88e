create function public.f() returns bigint language sql as $$ select count(*) from public.log $$;
