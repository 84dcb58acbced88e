-- guarded: runs only when public.profiles exists (only checked when it runs)
do $$
begin
  if to_regclass('public.profiles') is not null then
    insert into public.profiles (id) select id from public.accounts;
  end if;
end $$;
