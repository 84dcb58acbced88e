-- Fine: a primary key, a unique constraint, a plain unique index, in any column order; a key added in the
-- same statement (or the same CREATE TABLE, referencing itself); the primary key without a column list.
create table public.customers (id uuid primary key, email text not null unique, region text not null, code text not null);
create unique index customers_region_code_idx on public.customers (region, code);
create table public.orders (
  id bigint primary key,
  parent_id bigint references public.orders (id),
  customer_id uuid references public.customers,
  customer_email text references public.customers (email),
  code text,
  region text,
  foreign key (code, region) references public.customers (code, region)
);
create table public.o2 (id bigint, key bigint);
alter table public.o2 add constraint o2_self_fkey foreign key (id) references public.o2 (key) not valid, add constraint o2_key_key unique (key);
alter table public.o2 add primary key (id);
alter table public.customers rename column email to mail;
create table public.o3 (id bigint primary key, mail text references public.customers (mail));
