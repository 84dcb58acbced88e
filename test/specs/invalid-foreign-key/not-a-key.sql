-- The referenced columns are not the key of a primary key or unique constraint of the referenced table (42830).
create table public.customers (id uuid primary key, email text not null, region text, code text);
create unique index customers_code_idx on public.customers (lower(code));
create unique index customers_region_idx on public.customers (region) where region is not null;
create table public.orders (id bigint primary key, customer_email text references public.customers (email));
create table public.o2 (id bigint primary key, code text references public.customers (code));
create table public.o3 (id bigint primary key, region text references public.customers (region));
create table public.o4 (id bigint primary key, customer_id uuid, email text, foreign key (customer_id, email) references public.customers (id, email));
alter table public.customers add constraint customers_email_key unique (email);
alter table public.customers drop constraint customers_email_key;
create table public.o5 (id bigint primary key, customer_email text);
alter table public.o5 add constraint o5_email_fkey foreign key (customer_email) references public.customers (email);
