-- Drop the previous default (public.gen_random_slug)
ALTER TABLE grida_www.www ALTER COLUMN name DROP DEFAULT;