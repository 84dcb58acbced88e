create table public.a (id int);
create function public.f(x int) returns int language sql as $$ select x $$;
create type public.s as enum ('a');
