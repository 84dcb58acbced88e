create view public.overview as select * from public.tenants;
