create table public.t1 (id bigint primary key);
create or replace function public.f() returns int language sql as $$ select 2 $$;
grant execute on function public.f() to authenticated;
comment on function public.f() is 'f';
alter function public.f() owner to postgres;
