-- Per-tenant LLM settings. Written on a branch before the multi-tenant model landed:
-- it uses copilot_internal.tenants, which only 20260105000000_multi_tenant_user_model.sql creates.
create table copilot_internal.tenant_llm_settings (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,            -- the foreign key was left out "to make it run"
  model_id bigint not null references copilot_internal.llm_models (id),
  monthly_token_budget integer not null default 100000
);

alter table copilot_internal.tenant_llm_settings enable row level security;

create policy "Tenant members read their LLM settings"
  on copilot_internal.tenant_llm_settings for select
  to authenticated
  using (
    tenant_id in (
      select t.id from copilot_internal.tenants t
      where t.owner_id = (select auth.uid())
    )
  );
