-- pg_tle: its own functions (schema pgtle), and an extension installed through it, are unknown, not missing
create extension if not exists pg_tle;
select pgtle.install_extension('my_ext', '1.0', 'demo', $_$ create function my_fn() returns int language sql as 'select 1' $_$);
create schema app;
create extension my_ext with schema app;
select app.my_fn();
-- still an error: another schema
select public.my_fn();
