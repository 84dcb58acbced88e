alter table "public"."trees_watered" drop column "time";


