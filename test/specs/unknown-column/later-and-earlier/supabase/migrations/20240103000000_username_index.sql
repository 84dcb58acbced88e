-- renamed by the migration before
create index profiles_username_idx on public.profiles (username);
