create function public.f() returns void language plpgsql as $$
begin
  insert into public.log (msg) values (1);
end $$;
