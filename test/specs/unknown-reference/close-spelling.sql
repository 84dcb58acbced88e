create table public.profiles (id uuid primary key);
select * from public.profils;
