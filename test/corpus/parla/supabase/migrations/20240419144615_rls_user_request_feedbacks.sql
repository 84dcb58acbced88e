alter table "public"."user_request_feedbacks" enable row level security;
