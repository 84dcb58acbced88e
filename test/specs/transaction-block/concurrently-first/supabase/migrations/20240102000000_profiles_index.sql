-- The first statement of the file may run outside a transaction block: Postgres accepts it.
create index concurrently profiles_username_idx on public.profiles (username);
comment on index public.profiles_username_idx is 'by user name';
