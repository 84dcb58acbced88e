-- The product's first schema: profiles for Supabase Auth users, and an internal schema for the copilot.
create schema if not exists copilot_internal;

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  display_name text,
  created_at timestamptz not null default now()
);

alter table public.profiles enable row level security;

create policy "Profiles are visible to their owner"
  on public.profiles for select
  to authenticated
  using ((select auth.uid()) = id);

create table copilot_internal.llm_models (
  id bigint generated always as identity primary key,
  provider text not null,
  model text not null,
  unique (provider, model)
);
