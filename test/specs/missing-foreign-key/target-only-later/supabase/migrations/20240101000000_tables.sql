create table public.settings (id int, tenant_id uuid);
