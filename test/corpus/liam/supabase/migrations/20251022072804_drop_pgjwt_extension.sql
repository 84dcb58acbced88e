-- 
--
--

begin;

drop extension if exists pgjwt cascade;

commit;
