create table public.t2 (id bigint primary key, t1_id bigint references public.t1 (id));
create index if not exists items_idx on public.t2 (t1_id);
