create schema app;
create table app.items (id int);
set search_path = app, public;
select * from items;
reset search_path;
select * from items;
