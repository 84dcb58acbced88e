create table public.tasks (id bigint primary key);
