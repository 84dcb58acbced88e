ALTER TABLE profiles ADD COLUMN is_digilocker_verified boolean not null default false;
