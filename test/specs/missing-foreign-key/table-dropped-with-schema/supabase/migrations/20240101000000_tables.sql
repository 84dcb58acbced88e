create schema app;
create table app.orders (id bigint primary key, customer_id bigint);
create table public.customers (id bigint primary key);
