-- pre V3 - partial rework of the grida_west_referral schema / this is not yet used. safe to drop and recreate.
DROP SCHEMA IF EXISTS grida_west_referral CASCADE;