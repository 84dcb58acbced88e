insert into "auth"."users" ("instance_id", "id", "aud", "role", "email", "encrypted_password", "invited_at", "confirmation_token", "confirmation_sent_at", "recovery_token", "recovery_sent_at", "email_change", "email_change_sent_at", "last_sign_in_at", "raw_app_meta_data", "raw_user_meta_data", "is_super_admin", "created_at", "updated_at") values
('00000000-0000-0000-0000-000000000000', '317eadce-631a-4429-a0bb-f19a7a517b4a', 'authenticated', 'authenticated', 'inian+user2@supabase.io', '', '2021-02-17 04:41:13.408828', '541rn7rTZPGeGCYsp0a38g', '2021-02-17 04:41:13.408828', '', NULL,  '', NULL, NULL, '{"provider": "email"}', 'null', 'f', '2021-02-17 04:41:13.406912', '2021-02-17 04:41:13.406919'),
('00000000-0000-0000-0000-000000000000', '4d56e902-f0a0-4662-8448-a4d9e643c142', 'authenticated', 'authenticated', 'inian+user1@supabase.io', '', '2021-02-17 04:40:58.570482', 'U1HvzExEO3l7JzP-4tTxJA', '2021-02-17 04:40:58.570482', '', NULL,  '', NULL, NULL, '{"provider": "email"}', 'null', 'f', '2021-02-17 04:40:58.568637', '2021-02-17 04:40:58.568642'),
('00000000-0000-0000-0000-000000000000', 'd8c7bce9-cfeb-497b-bd61-e66ce2cbdaa2', 'authenticated', 'authenticated', 'inian+admin@supabase.io', '', '2021-02-17 04:40:42.901743', '3EG99GjT_e3NC4eGEBXOjw', '2021-02-17 04:40:42.901743', '', NULL,  '', NULL, NULL, '{"provider": "email"}', 'null', 'f', '2021-02-17 04:40:42.890632', '2021-02-17 04:40:42.890637');

-- These legacy seed rows predate the email_change_token_new column on auth.users and
-- leave it NULL. Modern GoTrue's admin "list users" cannot scan a NULL string token and
-- 500s ("converting NULL to string is unsupported"), which breaks Gotrue's E2E on the
-- shared monorepo stack. Normalise it to '' (as GoTrue itself stores it).
update "auth"."users" set "email_change_token_new" = '' where "email_change_token_new" is null;
