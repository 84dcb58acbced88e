-- Immutable functions, DEFAULT now() (a default is computed on insert), and a clock inside a function body
-- (it runs when the function is called): none of them is refused.
create table public.accounts (
  id bigint primary key,
  email text not null,
  created_at timestamptz not null default now(),
  deleted_at timestamptz,
  email_lower text generated always as (lower(email)) stored
);
create index accounts_email_idx on public.accounts (lower(email)) where deleted_at is null;
create index accounts_day_idx on public.accounts (date_trunc('day', created_at at time zone 'UTC'));
create function public.purge_accounts() returns void
language plpgsql as $$
begin
  execute 'create index if not exists accounts_recent_idx on public.accounts (id) where created_at > ' || quote_literal(now()::text);
  delete from public.accounts where deleted_at < now() - interval '30 days';
end;
$$;
