alter table public.b add constraint b_tenant_fk foreign key (tenant_id) references public.tenants (id);
