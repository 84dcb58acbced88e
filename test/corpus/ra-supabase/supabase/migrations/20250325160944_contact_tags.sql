alter table "public"."contacts" rename column "tags" TO "tag_ids";


