-- CURRENT_DATE is a SQL value function (no name to shadow): STABLE, so never in an index predicate (42P17).
create table public.events (
  id bigint primary key,
  starts_on date not null
);
create index events_upcoming_idx on public.events (starts_on) where starts_on >= current_date;
