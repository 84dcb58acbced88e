create table public.a (id int);
create function f() returns int language sql as $$ select 1;
select 2;
