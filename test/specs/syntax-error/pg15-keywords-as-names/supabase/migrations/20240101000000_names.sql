-- Names PostgreSQL 16 and 17 made keywords (JSON, JSON_TABLE, JSON_SCALAR, SYSTEM_USER, MERGE_ACTION): plain
-- identifiers in PostgreSQL 15, a syntax error from 16 or 17 on.
create function json(x int) returns int language sql as $$ select x $$;
create function json_scalar(x int) returns int language sql as $$ select x $$;
create table public.system_user (id int primary key);
create function merge_action() returns int language sql as $$ select 1 $$;
-- a PL/pgSQL function with such a name: its body is still read (a use of a missing table is found)
create function json_table(x int) returns int language plpgsql as $$
begin
  perform 1 from public.system_user;
  perform 1 from public.not_created;
  return x;
end
$$;
