create table public.messages (
  id bigint primary key,
  body text not null
);
do $$
begin
  alter publication supabase_realtime add table public.messages;
exception
  when duplicate_object then null;
end $$;
