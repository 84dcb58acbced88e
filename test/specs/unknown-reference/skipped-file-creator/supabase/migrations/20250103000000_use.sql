select id from public.profiles;
select public.touch();
insert into public.posts (id) values (1);
select * from public.nowhere;
