do $$
begin
  if not exists (select 1 from pg_proc where proname = 'touch') then
    create function public.touch() returns void language plpgsql as $f$ begin perform 1 from public.log; end $f$;
  end if;
end $$;