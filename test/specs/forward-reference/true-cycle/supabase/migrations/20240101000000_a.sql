create table public.t2 (id bigint primary key, t1_id bigint references public.t1 (id));
