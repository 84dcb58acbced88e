create table public.tenants (id uuid primary key);
