create table public.tenants (id uuid primary key);
create table public.a (tenant_id uuid references public.tenants);
create table public.b (tenant_id uuid);
create table public.c (tenant_id text, stripe_customer_id text, widget_id uuid);
