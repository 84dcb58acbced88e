-- Not judged: keys a DO block may have changed, a table copied with LIKE, dynamic SQL run before.
create table public.base (id bigint primary key, code text);
create table public.copy (like public.base including all);
create table public.r1 (id bigint primary key, base_id bigint references public.copy (id));
do $$ begin
  if not exists (select 1 from pg_indexes where indexname = 'base_code_key') then
    execute 'create unique index base_code_key on public.base (code)';
  end if;
end $$;
create table public.r2 (id bigint primary key, base_code text references public.base (code));
