-- A partial index whose predicate follows the clock: now() and CURRENT_TIMESTAMP are STABLE (42P17).
create table public.refresh_tokens (
  id bigint primary key,
  user_id uuid not null,
  revoked_at timestamptz,
  expires_at timestamptz not null
);
create index refresh_tokens_live_idx on public.refresh_tokens (user_id)
  where revoked_at is null and expires_at > now();
