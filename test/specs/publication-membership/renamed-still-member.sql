-- A renamed table stays a member: adding it under its new name fails (42710).
create table public.rooms (id bigint primary key);
alter publication supabase_realtime add table public.rooms;
alter table public.rooms rename to chat_rooms;
alter publication supabase_realtime add table public.chat_rooms;
