-- PostgreSQL 16 and 17 syntax: SQL/JSON constructors and predicates (16), JSON_TABLE, MERGE ... RETURNING and
-- WHEN NOT MATCHED BY SOURCE (17). A syntax error in PostgreSQL 15.
create table public.items (id int primary key, doc jsonb);
select json_object('id' value 1);
select doc is json object from public.items;
select * from json_table('[{"a": 1}]'::jsonb, '$[*]' columns (a int path '$.a')) as jt;
merge into public.items t using public.items s on t.id = s.id when matched then delete returning t.id;
merge into public.items t using public.items s on t.id = s.id when not matched by source then delete;
