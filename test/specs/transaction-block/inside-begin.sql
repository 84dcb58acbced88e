-- After the file's own BEGIN, every such command is refused until COMMIT (25001).
begin;
create table public.events (id bigint primary key, at timestamptz);
create index concurrently events_at_idx on public.events (at);
commit;
