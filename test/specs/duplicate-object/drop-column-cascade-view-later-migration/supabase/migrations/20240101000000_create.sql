create table public.contacts (id int primary key, name text, acquisition text);
create view public.contacts_summary as select c.* from public.contacts c;
