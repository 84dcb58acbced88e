create table public.profiles (id bigint primary key, username text);
