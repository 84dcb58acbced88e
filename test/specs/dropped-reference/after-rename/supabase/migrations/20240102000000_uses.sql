select * from public.a;
