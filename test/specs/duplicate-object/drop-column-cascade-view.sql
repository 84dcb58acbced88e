create table public.contacts (id int primary key, name text, acquisition text);
create view public.contacts_summary as select c.* from public.contacts c;
create view public.contacts_names as select name from public.contacts_summary;
-- CASCADE drops the views that use the column (the one whose `*` includes it, and the view on that view)
alter table public.contacts drop column acquisition cascade;
create view public.contacts_summary as select c.* from public.contacts c;
create view public.contacts_names as select name from public.contacts_summary;
