-- Not checked: columns from LIKE / INHERITS / PARTITION OF, a table altered in a DO block.
create table public.base (id bigint primary key, note text);
create table public.copy (like public.base including all);
create index copy_note_idx on public.copy (note);
create table public.child (extra text) inherits (public.base);
create index child_note_idx on public.child (note);
create table public.flags (id bigint primary key);
do $$ begin
  if not exists (select 1 from information_schema.columns where table_name = 'flags' and column_name = 'enabled') then
    alter table public.flags add column enabled boolean;
  end if;
end $$;
create index flags_enabled_idx on public.flags (enabled);
