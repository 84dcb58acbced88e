-- Guarded by a handler: not reported, and the table is a member either way.
do $$
begin
  alter publication supabase_realtime add table public.messages;
exception
  when duplicate_object then null;
end $$;
-- A table dropped and made again is a new table: not a member.
drop table public.messages;
create table public.messages (
  id bigint primary key,
  body text not null
);
alter publication supabase_realtime add table public.messages;
-- Renamed: still the same member; dropping it from the publication and adding it back is fine.
alter table public.messages rename to chat_messages;
alter publication supabase_realtime drop table public.chat_messages;
alter publication supabase_realtime add table public.chat_messages;
