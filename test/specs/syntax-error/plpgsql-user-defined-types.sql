-- The PL/pgSQL parser has no catalog: whether a variable of a user-defined, enum, domain or extension type
-- is a scalar or a row is unknown to it. PostgreSQL 15 creates every function below.
create extension if not exists citext with schema extensions;
create type public.mood as enum ('happy', 'sad');
create domain public.posint as int check (value > 0);
create table public.t (id int, name text);
create type public.pair as (a int, b text);

create function public.into_enum() returns void language plpgsql as $$
declare
  m public.mood;
  n int;
begin
  select 'happy'::public.mood, 1 into m, n;
end $$;

create function public.into_domain() returns void language plpgsql as $$
declare
  d public.posint;
  n int;
begin
  select 1, 2 into n, d;
end $$;

create function public.into_citext() returns void language plpgsql as $$
declare
  c extensions.citext;
  n int;
begin
  select 'a', 1 into c, n;
end $$;

create function public.into_row_array() returns public.t[] language plpgsql as $$
declare
  v public.t[];
  n int;
begin
  select array_agg(t), 1 into v, n from public.t t;
  return v;
end $$;

create function public.enum_array() returns public.mood[] language plpgsql as $$
begin
  return array['happy'::public.mood];
end $$;

create function public.pair_array(p public.pair[], out r public.pair[], out k int) language plpgsql as $$
begin
  select p, 2 into r, k;
end $$;

create function public.row_field(v public.t) returns public.t language plpgsql as $$
declare
  w public.t%rowtype;
begin
  w.id := v.id;
  for v in select * from public.t loop
    w.name := v.name;
  end loop;
  return w;
end $$;

create function public.extra_declare() returns void language plpgsql as $$
declare
  n int;
  declare m public.mood;
begin
  select 1, 'sad' into n, m;
end $$;

create function public.diagnostics_into_domain() returns void language plpgsql as $$
declare
  d public.posint;
begin
  get diagnostics d = row_count;
end $$;

-- the body is still read: what the block creates exists afterwards
do $$
declare
  m public.mood;
  n int;
begin
  select 'happy'::public.mood, 1 into m, n;
  create table public.made_in_do (id int);
end $$;
select * from public.made_in_do;

-- still errors: PostgreSQL 15 rejects these at CREATE FUNCTION, whatever the types are
create function public.bad_syntax(m public.mood) returns void language plpgsql as $$
begin
  if true then null; end;
end $$;

create function public.unknown_variable(m public.mood) returns void language plpgsql as $$
begin
  x := m;
end $$;

create function public.returns_record_array() returns record[] language plpgsql as $$
begin
  return null;
end $$;

create function public.record_in_into_list() returns void language plpgsql as $$
declare
  r record;
  m public.mood;
begin
  select 1, 2 into r, m;
end $$;
