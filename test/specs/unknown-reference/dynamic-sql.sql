-- DDL a DO block runs as dynamic SQL: what it may create is unknown, not missing, as far as the string's
-- constant parts say (the kind; the schema and name where written literally)
create schema audit;
create schema app;
do $$
begin
  execute format('create table audit.%I (id int)', 'log_' || to_char(now(), 'YYYY'));
  execute 'create table if not exists public.settings (k text primary key, v text)';
  execute format('create function app.%I() returns int language sql as ''select 1''', 'answer');
end $$;
select * from audit.log_2025;
select * from public.settings;
select app.answer();
-- still errors: another kind, another schema, a name the string does not make
select audit.log_fn();
select * from private.log_2025;
select * from public.settings_history;
select public.answer();
-- a function's dynamic SQL runs only when it is called
create function public.make() returns void language plpgsql as $$
begin execute format('create table public.%I (id int)', 'made'); end $$;
select * from public.made;
