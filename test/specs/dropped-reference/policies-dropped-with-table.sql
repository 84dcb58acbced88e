create table public.a (id int);
create policy p on public.a using (true);
drop table public.a;
create table public.a (id int);
create policy p on public.a using (true);
