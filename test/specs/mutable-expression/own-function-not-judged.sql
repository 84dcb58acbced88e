-- A function of the migrations is not judged here, even with a built-in's name: it is IMMUTABLE and fine.
create function public.to_char(value date, fmt text) returns text
language sql immutable as $$ select pg_catalog.to_char(value::timestamp, fmt) $$;
create table public.invoices (
  id bigint primary key,
  issued_on date not null
);
create index invoices_year_idx on public.invoices ((public.to_char(issued_on, 'YYYY')));
