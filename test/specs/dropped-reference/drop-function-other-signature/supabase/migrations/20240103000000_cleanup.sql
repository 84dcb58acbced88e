-- drops public.search(text, integer); public.search(text, boolean, integer) stays, the only one of the name
drop function public.search(text, integer);
