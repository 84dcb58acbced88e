create table public.tasks (id int primary key, done boolean);
create view public.stats as select 1 as one;
-- a view that does not use the table (nor the column) stays: creating it again fails
alter table public.tasks drop column done cascade;
drop table public.tasks cascade;
create view public.stats as select 1 as one;
