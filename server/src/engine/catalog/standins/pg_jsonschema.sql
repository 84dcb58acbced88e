-- Stand-in for pg_jsonschema: JSON Schema validation. Functions return NULL.
-- @extension: pg_jsonschema
-- @relocatable: false
-- @requires:

create function @extschema@.json_matches_schema(schema json, instance json) returns boolean
language sql immutable strict parallel safe as 'select null::boolean';
create function @extschema@.jsonb_matches_schema(schema json, instance jsonb) returns boolean
language sql immutable strict parallel safe as 'select null::boolean';
create function @extschema@.jsonschema_is_valid(schema json) returns boolean
language sql immutable strict parallel safe as 'select null::boolean';
create function @extschema@.jsonschema_validation_errors(schema json, instance json) returns text[]
language sql immutable strict parallel safe as 'select null::text[]';
