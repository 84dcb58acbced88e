create function public.page(p_limit int default 10, p_offset int default 0) returns int language sql as $$ select p_limit + p_offset $$;
create or replace function public.page(p_limit int, p_offset int default 0) returns int language sql as $$ select p_limit + p_offset $$;
