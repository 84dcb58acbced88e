-- A DO block runs during the migration: what always runs in it fails the migration now.
create table public.accounts (id int primary key);

-- errors: unguarded statements, declared types (resolved when the block starts, guarded or not)
do $$
begin
  insert into public.audit_log (id) values (1);
end $$;

do $$
declare
  total int;
begin
  raise notice 'counting';
  select count(*) into total from public.ledger;
  if total > 0 then
    update public.accounts set id = id;
  end if;
end $$;

do $$
begin
  alter table public.accounts add constraint accounts_owner_fk foreign key (id) references public.owners (id);
exception when duplicate_object then
  null;
end $$;

do $$
begin
  if exists (select 1 from public.settings where key = 'x') then
    null;
  end if;
end $$;

do $$
declare
  i int := 0;
begin
  loop
    i := i + 1;
    exit when i > 2;
  end loop;
  insert into public.after_loop values (i);
end $$;

do $$
begin
  if false then
    declare
      s public.status_kind;
    begin
      null;
    end;
  end if;
end $$;

-- no errors: objects created earlier in the file or earlier in the same block, or renamed there
do $$
begin
  create table public.notes (id int);
  insert into public.notes values (1);
  insert into public.accounts values (1);
  perform 1 from public.accounts as a for update of a;
  alter table public.notes rename to memos;
  insert into public.memos values (2);
end $$;

-- guarded: only checked if it runs (as in a function body)
do $$
begin
  if exists (select 1 from pg_tables where schemaname = 'public' and tablename = 'legacy') then
    insert into public.accounts select id from public.legacy;
  end if;
end $$;

do $$
begin
  if to_regclass('public.legacy2') is not null then
    delete from public.legacy2;
  end if;
end $$;

do $$
begin
  if not exists (select 1 from pg_proc where proname = 'now') then
    perform public.make_tier();
  end if;
end $$;

do $$
begin
  perform 1 from public.maybe_there;
exception when undefined_table then
  raise notice 'skipped';
end $$;

do $$
declare
  r record;
begin
  for r in select id from public.accounts where id < 0 loop
    insert into public.per_account values (r.id);
  end loop;
end $$;

do $$
begin
  if exists (select 1 from public.accounts) then
    return;
  end if;
  insert into public.after_return values (1);
end $$;

do $$
begin
  execute 'create table public.dynamic_target (id int)';
  execute 'insert into public.dynamic_target values (1)';
end $$;
