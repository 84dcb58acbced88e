begin;

ALTER TYPE "public"."message_role_enum" ADD VALUE 'error';

commit;
