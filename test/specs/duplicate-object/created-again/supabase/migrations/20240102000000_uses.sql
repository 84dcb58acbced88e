create table public.a (id int);
create policy p on public.a using (true);
create function public.f(x integer) returns int language sql as $$ select x $$;
create extension pgcrypto;
