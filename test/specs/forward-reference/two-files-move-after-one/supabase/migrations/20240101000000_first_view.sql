create view public.first_view as select id from public.target;
