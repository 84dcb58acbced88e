-- The table and the trigger function come in the next migration (forward references, reported as such).
-- Each DROP ... IF EXISTS removes what the CREATE before it made, whatever the table's state: no duplicate.
drop policy if exists "p" on t;
create policy "p" on t using (true);
drop policy if exists "p" on t;
create policy "p" on t using (true);
drop trigger if exists trg on t;
create trigger trg before insert on t for each row execute function public.touch();
drop trigger if exists trg on t;
create trigger trg before insert on t for each row execute function public.touch();
drop index if exists t_id_idx;
create index t_id_idx on t (id);
drop index if exists t_id_idx;
create index t_id_idx on t (id);
