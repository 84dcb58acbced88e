-- PostgreSQL resolves a PL/pgSQL function's declared variable types when it creates the function
-- (check_function_bodies is on in migrations): a missing one fails the migration now.
create table public.accounts (id int primary key, name text);

create function public.missing_type() returns void language plpgsql as $$
declare
  s public.status_kind;
begin
  null;
end $$;

create function public.missing_rowtype() returns void language plpgsql as $$
begin
  if false then
    declare
      r public.ledger%rowtype;
    begin
      null;
    end;
  end if;
end $$;

-- no errors: existing types, a column's type, a variable's type, arrays
create function public.known_types(a public.accounts) returns void language plpgsql as $$
declare
  r public.accounts%rowtype;
  n public.accounts.name%type;
  k n%type;
  l public.accounts[];
  m public.accounts array[2];
begin
  null;
end $$;

-- resolved with the search path in force when the function is created
create schema app;
create table app.items (id int);
set search_path = app, public;
create function public.in_app() returns void language plpgsql as $$
declare
  r items%rowtype;
begin
  null;
end $$;
reset search_path;

-- with check_function_bodies off, only when it runs
set check_function_bodies = off;
create function public.unchecked() returns void language plpgsql as $$
declare
  s public.other_kind;
begin
  null;
end $$;
