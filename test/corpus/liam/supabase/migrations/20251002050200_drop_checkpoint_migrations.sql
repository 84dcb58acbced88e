
BEGIN;

DROP TABLE IF EXISTS "public"."checkpoint_migrations" CASCADE;

COMMIT;
