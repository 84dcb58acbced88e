create table public.a (id uuid primary key);
create table public.b (id int);
create type public.status as enum ('x');
create function public.touch() returns trigger language plpgsql as $$ begin return new; end $$;
create function public.compute(x int) returns int language sql as $$ select x $$;