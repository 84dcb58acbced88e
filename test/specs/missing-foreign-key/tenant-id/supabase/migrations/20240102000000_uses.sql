create table public.settings (
  id uuid primary key,
  tenant_id uuid not null,
  owner_id uuid
);
