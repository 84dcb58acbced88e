create table public.log (msg int);
