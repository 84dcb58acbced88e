create view public.v as select id from public.accounts;
