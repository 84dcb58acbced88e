create view public.second_view as select id from public.target;
