-- Not judged: a function a migration made may add keys when a statement runs it.
create table public.base (id bigint primary key, code text);
create function public.add_code_key() returns void language plpgsql as $$
begin
  create unique index if not exists base_code_key on public.base (code);
end $$;
select public.add_code_key();
create table public.r1 (id bigint primary key, base_code text references public.base (code));
