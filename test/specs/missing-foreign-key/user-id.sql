create table public.notes (id bigint primary key, user_id uuid);
