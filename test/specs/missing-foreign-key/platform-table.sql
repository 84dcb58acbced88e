alter table storage.buckets add column note text;
create table public.files (id uuid primary key, bucket_id text);
