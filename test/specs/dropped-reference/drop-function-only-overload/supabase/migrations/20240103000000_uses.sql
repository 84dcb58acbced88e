select public.search('x', 1);
