-- drops the view too (its `*` includes the column)
alter table public.contacts drop column acquisition cascade;
create view public.contacts_summary as select c.* from public.contacts c;
