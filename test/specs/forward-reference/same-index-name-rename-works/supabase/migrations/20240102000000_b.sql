create table public.t1 (id bigint primary key);
create table if not exists public.t2 (id bigint primary key, t1_id bigint);
create index if not exists t2_t1_idx on public.t2 (t1_id);
comment on index public.t2_t1_idx is 'x';
