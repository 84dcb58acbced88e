-- In a DO block: a statement that always runs fails the migration; one under IF or an exception handler is not judged.
create table public.t (id bigint primary key, at timestamptz);
do $$
begin
  create index t_live on public.t (id) where at > now();
end $$;
do $$
begin
  if true then
    create index t_live2 on public.t (id) where at > now();
  end if;
end $$;
do $$
begin
  create index t_live3 on public.t (id) where at > now();
exception when others then null;
end $$;
