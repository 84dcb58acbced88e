create table public.notes (id bigint primary key, updated_at timestamptz);
create function public.touch() returns trigger language plpgsql as $$ begin new.updated_at := now(); return new; end $$;
create trigger notes_touch before update on public.notes for each row execute function public.touch();
