create table public.t1 (id bigint primary key, t2_id bigint references public.t2 (id));
