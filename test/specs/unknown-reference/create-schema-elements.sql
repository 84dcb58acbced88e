create schema app
  create table customers (id bigint primary key)
  create view active as select * from customers;
select * from app.customers, app.active;
select * from public.customers;
