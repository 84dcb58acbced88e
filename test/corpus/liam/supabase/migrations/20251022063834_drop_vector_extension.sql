
BEGIN;

drop extension if exists vector;

COMMIT;
