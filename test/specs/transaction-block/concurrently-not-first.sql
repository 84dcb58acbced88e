-- The file is one pipeline: CREATE INDEX CONCURRENTLY after another statement fails (25001).
create table public.profiles (id bigint primary key, username text);
create index concurrently profiles_username_idx on public.profiles (username);
