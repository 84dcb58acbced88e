drop table public.t;
select * from public.missing;
