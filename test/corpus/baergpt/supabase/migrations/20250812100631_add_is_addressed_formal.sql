ALTER TABLE profiles
ADD COLUMN is_addressed_formal BOOLEAN DEFAULT TRUE;
