create table public.events (id bigint primary key, created_at timestamptz not null, kind text);
create index events_created_idx on public.events (created);
create index events_kind_idx on public.events (kind) include (payload);
create index events_lower_kind_idx on public.events (lower(kind));
