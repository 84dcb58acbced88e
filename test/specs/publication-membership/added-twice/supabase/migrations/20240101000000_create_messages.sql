create table public.messages (
  id bigint primary key,
  body text not null
);
alter publication supabase_realtime add table public.messages;
