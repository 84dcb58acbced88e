alter table public.profiles add column bio text;
alter table public.bio_audit add column bio text;
