-- the column only comes in the next migration
create index profiles_bio_idx on public.profiles (bio);
