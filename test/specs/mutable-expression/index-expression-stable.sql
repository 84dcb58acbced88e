-- to_char() is STABLE in every form (it reads the locale and time zone): not in an index expression (42P17).
create table public.orders (
  id bigint primary key,
  created_at timestamptz not null default now()
);
create index orders_year_idx on public.orders ((to_char(created_at, 'YYYY')));
