alter type public.task_status add value 'archived';
