-- supabase-migrations-disable-file unknown-reference
select * from public.a;
