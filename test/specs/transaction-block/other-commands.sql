-- ANALYZE runs in a transaction; VACUUM, REINDEX SCHEMA and DROP INDEX CONCURRENTLY do not (25001).
create table public.events (id bigint primary key, at timestamptz);
create index events_at_idx on public.events (at);
analyze public.events;
vacuum public.events;
