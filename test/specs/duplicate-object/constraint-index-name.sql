create table public.accounts (id int primary key, email text unique);
create index if not exists accounts_pkey on public.accounts (id);
create index accounts_email_key on public.accounts (email);
create sequence public.accounts_id_seq;
create table public.members (id serial);
create sequence public.members_id_seq;
