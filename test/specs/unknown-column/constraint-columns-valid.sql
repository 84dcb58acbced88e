-- Fine: constraints on the statement's own columns, columns added earlier or in the same ALTER TABLE,
-- referenced columns that exist (a table referencing itself included), system columns.
create table public.accounts (id bigint primary key, email text not null, handle text);
create table public.orders (
  id bigint generated always as identity,
  account_id bigint,
  qty int not null,
  unit_price int not null,
  total int generated always as (qty * unit_price) stored,
  parent_id bigint,
  primary key (id),
  unique (account_id, id) include (qty),
  check (orders.qty > 0 and unit_price >= 0),
  foreign key (account_id) references public.accounts (id),
  foreign key (parent_id) references public.orders (id)
);
alter table public.accounts add constraint accounts_handle_key unique (handle);
alter table public.accounts add column nickname text, add constraint accounts_nickname_check check (length(nickname) > 1);
alter table public.accounts add column referrer bigint references public.accounts (id);
alter table public.orders add constraint orders_qty_check check (qty < 1000);
