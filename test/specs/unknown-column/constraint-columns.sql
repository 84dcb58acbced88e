-- Constraints name columns that must exist (42703); in CREATE TABLE, columns of the same statement count.
create table public.accounts (id bigint primary key, email text not null, handle text);
create table public.a1 (id bigint, primary key (idd));
create table public.a2 (id bigint, email text, unique (email) include (mail));
create table public.a3 (id bigint, price int, check (prise > 0));
create table public.a4 (id bigint, qty int, total int generated always as (qty * unit_price) stored);
create table public.a5 (id bigint, account bigint, foreign key (acount) references public.accounts (id));
create table public.a6 (id bigint, account_email text references public.accounts (e_mail));
alter table public.accounts add constraint accounts_handle_key unique (handel);
alter table public.accounts add constraint accounts_email_check check (length(emial) > 3);
create table public.a7 (id bigint primary key, account_id bigint);
alter table public.a7 add constraint a7_account_fkey foreign key (account_id) references public.accounts (ident);
