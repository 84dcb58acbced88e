create table public.t2 (id bigint primary key, t1_id bigint references public.t1 (id));
create or replace function public.f() returns int language sql as $$ select 1 $$;
