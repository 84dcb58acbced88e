-- A COMMIT in the file ends the CLI's transaction: the next statement starts a new one and may be CONCURRENTLY.
create table public.events (id bigint primary key, at timestamptz);
commit;
create index concurrently events_at_idx on public.events (at);
