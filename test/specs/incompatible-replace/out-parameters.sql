create function public.stats(in p_day date, out total int, out active int) language sql as $$ select 1, 2 $$;
create or replace function public.stats(in p_day date, out total int, out active int, out churned int) language sql as $$ select 1, 2, 3 $$;
