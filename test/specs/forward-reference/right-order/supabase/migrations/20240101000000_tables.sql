create table public.accounts (id uuid primary key);
