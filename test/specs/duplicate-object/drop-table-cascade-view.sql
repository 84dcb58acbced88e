create table public.tasks (id int primary key, done boolean);
create view public.open_tasks as select id from public.tasks where not done;
create view public.open_count as select count(*) as n from public.open_tasks;
-- CASCADE drops the views on the table and the views on those
drop table public.tasks cascade;
create table public.tasks (id int primary key, done boolean);
create view public.open_tasks as select id from public.tasks where not done;
create view public.open_count as select count(*) as n from public.open_tasks;
