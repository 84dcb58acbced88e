-- PostgreSQL 15: a PL/pgSQL function named json; its body has a syntax error, reported as PL/pgSQL
create function json(x text) returns int language plpgsql as $$
begin
  retur 1;
end
$$;
