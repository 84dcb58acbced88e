create table public.a (id int);
alter table public.a rename to b;
