create extension if not exists some_unknown_ext with schema extensions;
select extensions.some_fn();
select public.other_fn();
