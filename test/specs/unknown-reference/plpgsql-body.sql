create function public.f() returns void language plpgsql as $$
begin
  create temp table scratch (x int);
  insert into scratch values (1);
  perform public.nothing_here();
end $$;
drop table if exists public.gone;
drop function if exists public.also_gone();