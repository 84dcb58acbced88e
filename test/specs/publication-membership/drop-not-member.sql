-- Dropping a table that is not in the publication fails (42704).
create table public.rooms (id bigint primary key);
create table public.notes (id bigint primary key);
alter publication supabase_realtime add table public.rooms;
alter publication supabase_realtime drop table public.notes;
