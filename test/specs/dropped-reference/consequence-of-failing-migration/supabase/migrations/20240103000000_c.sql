select * from public.t;
