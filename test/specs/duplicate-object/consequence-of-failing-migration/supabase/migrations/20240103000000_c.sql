create table public.t (id int primary key);
create table public.u (id int primary key);
