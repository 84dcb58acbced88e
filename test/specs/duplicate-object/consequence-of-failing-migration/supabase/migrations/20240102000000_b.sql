create table public.u (id int primary key);
select * from public.missing;
