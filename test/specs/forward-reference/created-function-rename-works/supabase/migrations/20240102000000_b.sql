create table public.t1 (id bigint primary key);
create function public.f() returns int language sql as $$ select 2 $$;
grant execute on function public.f() to authenticated;
