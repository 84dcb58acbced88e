alter table "public"."processed_document_chunks" enable row level security;

alter table "public"."processed_document_summaries" enable row level security;

alter table "public"."processed_documents" enable row level security;

alter table "public"."registered_documents" enable row level security;


