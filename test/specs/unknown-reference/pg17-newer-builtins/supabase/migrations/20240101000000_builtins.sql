-- Built-ins PostgreSQL 16 and 17 added (any_value, random(min, max), array_shuffle, pg_stat_io) and one of 18 (uuidv7)
create table public.scores (id int primary key, team text, points int);
select team, any_value(points) from public.scores group by team;
select random(1, 10);
select array_shuffle(array[1, 2, 3]);
select * from pg_catalog.pg_stat_io;
select uuidv7();
