create policy "Members see their tenant"
  on copilot_internal.tenants for select
  to authenticated
  using (id in (select tenant_id from copilot_internal.tenant_members where user_id = (select auth.uid())));

create policy "Members see their memberships"
  on copilot_internal.tenant_members for select
  to authenticated
  using (user_id = (select auth.uid()));
