ALTER TABLE grida_west_referral.campaign
DROP COLUMN invitation_share_template;

ALTER TABLE grida_west_referral.campaign
DROP COLUMN invitation_email_template;

