-- one function of the name: a call finds it, DROP FUNCTION without an argument list drops it
select public.search('x', true);
drop function public.search;
