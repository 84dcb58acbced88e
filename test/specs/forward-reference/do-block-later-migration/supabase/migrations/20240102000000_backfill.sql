-- runs now: public.profiles does not exist yet
do $$
begin
  insert into public.profiles (id) select id from public.accounts;
end $$;
