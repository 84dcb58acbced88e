-- the drop would remove what a later migration uses: no rename is offered
drop table if exists public.tasks;
