create table public.target (id bigint primary key);
