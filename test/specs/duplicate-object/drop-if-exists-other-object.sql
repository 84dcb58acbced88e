create table public.t (id int);
create table public.u (id int);
create policy "p" on public.t using (true);
-- another policy, and the same name on another table: "p" on public.t is still there
drop policy if exists "q" on public.t;
drop policy if exists "p" on public.u;
create policy "p" on public.t using (true);
-- on a table that does not exist yet: the DROP removes "r" on public.later, not "r" on public.t
create policy "r" on public.t using (true);
drop policy if exists "r" on later;
create policy "r" on public.t using (true);
create table public.later (id int);
