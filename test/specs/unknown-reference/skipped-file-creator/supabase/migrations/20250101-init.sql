create table public.profiles (id uuid primary key);
create function public.touch() returns int language sql as $$ select 1 $$;
