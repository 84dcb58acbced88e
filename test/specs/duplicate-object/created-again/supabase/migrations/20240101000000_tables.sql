create table public.a (id int);
create policy p on public.a using (true);
create function public.f(x int) returns int language sql as $$ select x $$;
