-- A FOR ALL TABLES publication takes no ADD / DROP TABLE (55000).
create table public.a (id bigint primary key);
create publication everything for all tables;
alter publication everything add table public.a;
