-- A SQL function body is checked at CREATE: the cast runs then (55P04).
alter type public.task_status add value 'archived';
create function public.archived_status() returns public.task_status language sql as $$ select 'archived'::public.task_status $$;
