-- a string inserted into a column of the enum is converted to it: the new value cannot be used yet
alter type public.task_status add value 'archived';
insert into public.tasks (id, title, status) values (1, 'old', 'archived');
