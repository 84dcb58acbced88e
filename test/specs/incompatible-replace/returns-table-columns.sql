-- RETURNS TABLE columns are the row type: renaming or adding one changes the return type (42P13).
create function public.leaderboard() returns table (user_id uuid, score int) language sql as $$ select null::uuid, 1 $$;
create or replace function public.leaderboard() returns table (user_id uuid, points int) language sql as $$ select null::uuid, 1 $$;
