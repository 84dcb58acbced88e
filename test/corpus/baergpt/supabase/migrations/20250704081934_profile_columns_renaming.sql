ALTER TABLE profiles
RENAME COLUMN "gender" TO "personal_title";

ALTER TABLE profiles
RENAME COLUMN "title" TO "academic_title";
