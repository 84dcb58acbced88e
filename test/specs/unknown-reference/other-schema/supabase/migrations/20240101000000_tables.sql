create schema copilot_internal;
create table copilot_internal.tenants (id uuid primary key);
