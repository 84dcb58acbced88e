create table public.events (id bigint primary key, at timestamptz);
create index events_at_idx on public.events (at);
drop index concurrently public.events_at_idx;
