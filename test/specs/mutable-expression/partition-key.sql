-- A partition key must be IMMUTABLE too (42P17).
create table public.measurements (
  id bigint not null,
  taken_at timestamptz not null
) partition by list ((current_setting('app.region')));
