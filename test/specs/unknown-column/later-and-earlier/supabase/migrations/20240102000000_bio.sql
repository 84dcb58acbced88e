alter table public.profiles add column bio text;
alter table public.profiles rename column username to handle;
