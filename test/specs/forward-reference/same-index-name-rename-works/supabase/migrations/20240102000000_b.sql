create table public.t1 (id bigint primary key);
create index if not exists items_idx on public.t1 (id);
comment on index public.items_idx is 'x';
