create index on public.x (id);
create table public.x (id int);
