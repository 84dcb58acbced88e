create table public.profiles (id int primary key references public.accounts (id));
