-- A publication of the migrations: FOR TABLE lists its members; SET replaces them.
create table public.a (id bigint primary key);
create table public.b (id bigint primary key);
create publication app_changes for table public.a;
alter publication app_changes set table public.b;
alter publication app_changes add table public.a;
alter publication app_changes add table public.b;
