create table public.a (id int);
drop table public.a;
create table public.a (id int);
select * from public.a;
