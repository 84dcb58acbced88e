create table public.tasks (id int primary key, done boolean);
create view public.open_tasks as select id from public.tasks where not done;
drop table public.tasks cascade;
-- the view went with the table
select * from public.open_tasks;
