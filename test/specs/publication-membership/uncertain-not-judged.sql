-- Members become unknown: a change in a DO block that may not run, and dynamic SQL. Nothing is reported after.
create table public.rooms (id bigint primary key);
do $$
begin
  if not exists (select 1 from pg_publication_tables where pubname = 'supabase_realtime' and tablename = 'rooms') then
    alter publication supabase_realtime add table public.rooms;
  end if;
end $$;
create table public.notes (id bigint primary key);
do $$
begin
  execute 'alter publication supabase_realtime add table public.notes';
end $$;
alter publication supabase_realtime drop table public.rooms;
