-- PL/pgSQL is compiled when called: Postgres accepts this migration.
alter type public.task_status add value 'archived';
create function public.archived_status() returns public.task_status language plpgsql as $$ begin return 'archived'::public.task_status; end $$;
