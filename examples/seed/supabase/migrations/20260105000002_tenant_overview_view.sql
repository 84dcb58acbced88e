-- A reporting view for the dashboard. It names public.tenants, but the table lives in copilot_internal.
create view public.tenant_overview
with (security_invoker = on) as
select t.id, t.name, count(m.user_id) as member_count
from public.tenants t
left join copilot_internal.tenant_members m on m.tenant_id = t.id
group by t.id, t.name;
