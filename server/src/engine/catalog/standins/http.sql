-- Stand-in for the `http` extension (pgsql-http): synchronous HTTP client.
-- Plain SQL, real types and signatures, functions return NULL.
-- @extension: http
-- @relocatable: false
-- @requires:

create domain @extschema@.http_method as text;
create type @extschema@.http_header as (field character varying, value character varying);
create type @extschema@.http_request as (
  method @extschema@.http_method,
  uri character varying,
  headers @extschema@.http_header[],
  content_type character varying,
  content character varying
);
create type @extschema@.http_response as (
  status integer,
  content_type character varying,
  headers @extschema@.http_header[],
  content character varying
);

create function @extschema@.http_header(field character varying, value character varying) returns @extschema@.http_header
language sql immutable as 'select row($1, $2)::@extschema@.http_header';

create function @extschema@.http(request @extschema@.http_request) returns @extschema@.http_response
language sql as 'select null::@extschema@.http_response';
create function @extschema@.http_get(uri character varying) returns @extschema@.http_response
language sql as 'select null::@extschema@.http_response';
create function @extschema@.http_get(uri character varying, data jsonb) returns @extschema@.http_response
language sql as 'select null::@extschema@.http_response';
create function @extschema@.http_post(uri character varying, content character varying, content_type character varying) returns @extschema@.http_response
language sql as 'select null::@extschema@.http_response';
create function @extschema@.http_post(uri character varying, data jsonb) returns @extschema@.http_response
language sql as 'select null::@extschema@.http_response';
create function @extschema@.http_put(uri character varying, content character varying, content_type character varying) returns @extschema@.http_response
language sql as 'select null::@extschema@.http_response';
create function @extschema@.http_patch(uri character varying, content character varying, content_type character varying) returns @extschema@.http_response
language sql as 'select null::@extschema@.http_response';
create function @extschema@.http_delete(uri character varying) returns @extschema@.http_response
language sql as 'select null::@extschema@.http_response';
create function @extschema@.http_delete(uri character varying, content character varying, content_type character varying) returns @extschema@.http_response
language sql as 'select null::@extschema@.http_response';
create function @extschema@.http_head(uri character varying) returns @extschema@.http_response
language sql as 'select null::@extschema@.http_response';

create function @extschema@.urlencode(string character varying) returns text
language sql immutable as 'select null::text';
create function @extschema@.urlencode(string bytea) returns text
language sql immutable as 'select null::text';
create function @extschema@.urlencode(data jsonb) returns text
language sql immutable as 'select null::text';

create function @extschema@.http_set_curlopt(curlopt character varying, value character varying) returns boolean
language sql as 'select null::boolean';
create function @extschema@.http_reset_curlopt() returns boolean
language sql as 'select null::boolean';
create function @extschema@.http_list_curlopt() returns table (curlopt text, value text)
language sql as 'select null::text, null::text where false';

create function @extschema@.bytea_to_text(data bytea) returns text
language sql immutable strict as 'select null::text';
create function @extschema@.text_to_bytea(data text) returns bytea
language sql immutable strict as 'select null::bytea';
