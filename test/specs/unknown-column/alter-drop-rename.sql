create table public.profiles (id uuid primary key, username text not null, bio text);
alter table public.profiles alter column user_name set not null;
alter table public.profiles drop column website;
alter table public.profiles rename column biography to about;
-- fine: IF EXISTS, a column added earlier in the same statement, system columns
alter table public.profiles drop column if exists website;
alter table public.profiles add column website text, alter column website set default '';
