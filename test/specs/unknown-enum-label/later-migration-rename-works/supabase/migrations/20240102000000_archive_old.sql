-- uses a label the next migration adds: renamed to run after it, it works
insert into public.tasks (id, status) values (1, 'archived');
