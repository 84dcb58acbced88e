insert into public.tasks (id) values (1);
