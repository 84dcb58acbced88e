-- Extensions on Supabase's Postgres image the catalog does not model object by object: names in the
-- schemas they create, and functions and types in the schema they go to, are unknown, not missing
create extension if not exists timescaledb with schema extensions;
create table public.readings (at timestamptz not null, v double precision);
select extensions.create_hypertable('public.readings', 'at');
select * from timescaledb_information.hypertables;
create extension if not exists postgis with schema extensions;
create table public.places (id int primary key, geom extensions.geometry(point, 4326));
select extensions.st_distance(geom, geom) from public.places;
select srid from extensions.spatial_ref_sys;
create extension if not exists postgis_topology;
select topology.createtopology('t', 4326);
create extension if not exists hypopg with schema extensions;
select * from extensions.hypopg_list_indexes;
create extension if not exists pgsodium;
select pgsodium.derive_key(1);
create extension if not exists plv8;
select plv8_version();
create extension if not exists pg_net with schema extensions;
select net.wait_until_running();
-- still errors: a table and a function that no extension makes
select * from public.placez;
select public.st_distance(1, 2);
select * from extensions.not_a_postgis_table;
