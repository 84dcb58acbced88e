create function public.f() returns int language sql as $$
  selec 1
$$;
