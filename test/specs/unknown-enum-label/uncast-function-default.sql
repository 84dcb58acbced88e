-- a parameter default of an enum type is converted when the function is made
create type public.task_status as enum ('open', 'done');
create function public.count_tasks(s public.task_status default 'all') returns int language sql as 'select 1';
