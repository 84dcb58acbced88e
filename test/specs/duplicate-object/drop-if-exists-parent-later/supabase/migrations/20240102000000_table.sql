create table public.t (id int);
create function public.touch() returns trigger language plpgsql as $$ begin return new; end $$;
