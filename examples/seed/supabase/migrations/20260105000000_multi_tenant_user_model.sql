-- Multi-tenant user model: tenants and their members.
create table copilot_internal.tenants (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  owner_id uuid not null references auth.users (id),
  created_at timestamptz not null default now()
);

create table copilot_internal.tenant_members (
  tenant_id uuid not null references copilot_internal.tenants (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role text not null default 'member',
  primary key (tenant_id, user_id)
);

alter table copilot_internal.tenants enable row level security;
alter table copilot_internal.tenant_members enable row level security;
