-- A generated column is recomputed from its row: gen_random_uuid() is VOLATILE and CURRENT_TIMESTAMP STABLE (42P17).
create table public.items (
  id bigint primary key,
  name text not null
);
alter table public.items add column token uuid generated always as (gen_random_uuid()) stored;
