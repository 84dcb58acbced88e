-- An ADD under IF may or may not have run: a later DROP of that table is not judged; other tables stay known.
create table public.rooms (id bigint primary key);
create table public.notes (id bigint primary key);
do $$
begin
  if to_regclass('public.rooms') is not null then
    alter publication supabase_realtime add table public.rooms;
  end if;
end $$;
alter publication supabase_realtime drop table public.rooms;
alter publication supabase_realtime drop table public.notes;
