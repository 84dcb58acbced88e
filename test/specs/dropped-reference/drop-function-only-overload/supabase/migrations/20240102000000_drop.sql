-- the argument list of its only overload: the function is gone
drop function public.search(text, integer);
