create table public.a (id int);
select from where;
select * from public.missing;
