-- "bio" comes later, but the migration that adds it needs the table this one creates: no rename helps.
create table public.bio_audit (id bigint primary key, profile_id uuid references public.profiles (id));
create index profiles_bio_idx on public.profiles (bio);
