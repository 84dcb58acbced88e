create table public.tenants (id uuid primary key);
create table public.x (tenant_ref uuid);
