create table public.profiles (id uuid primary key, username text not null);
