select * from public.a; -- supabase-migrations-disable-line unknown-reference
-- supabase-migrations-disable-next-line
select * from public.b;
-- supabase-migrations-disable-next-line missing-foreign-key
select * from public.c;