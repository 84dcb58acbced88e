-- Stand-in for pgjwt: JSON Web Tokens in SQL (needs pgcrypto). Functions
-- return NULL / no rows.
-- @extension: pgjwt
-- @relocatable: false
-- @requires: pgcrypto

create function @extschema@.url_encode(data bytea) returns text
language sql immutable as 'select null::text';
create function @extschema@.url_decode(data text) returns bytea
language sql immutable as 'select null::bytea';
create function @extschema@.algorithm_sign(signables text, secret text, algorithm text) returns text
language sql immutable as 'select null::text';
create function @extschema@.sign(payload json, secret text, algorithm text default 'HS256') returns text
language sql immutable as 'select null::text';
create function @extschema@.try_cast_double(inp text) returns double precision
language sql immutable as 'select null::double precision';
create function @extschema@.verify(token text, secret text, algorithm text default 'HS256')
returns table (header json, payload json, valid boolean)
language sql immutable as 'select null::json, null::json, null::boolean where false';
