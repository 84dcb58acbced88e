create schema app;
create table app.orders (
  id bigint primary key,
  code text unique,
  slot int,
  during tstzrange,
  constraint orders_slot_unique unique (slot),
  exclude using gist (during with &&)
);
alter index app.orders_pkey rename to orders_pk;
comment on index app.orders_pk is 'the primary key''s index, renamed';
comment on index app.orders_code_key is 'UNIQUE: <table>_<column>_key';
comment on index app.orders_slot_unique is 'a named constraint names its index';
alter index app.orders_during_excl set (fillfactor = 90);
alter table app.orders add column ref text, add unique (ref, code);
comment on index app.orders_ref_code_key is 'every column in the name';
alter table app.orders rename constraint orders_ref_code_key to orders_ref_key;
comment on index app.orders_ref_key is 'renamed with its constraint';
alter table app.orders drop constraint orders_code_key;
alter table app.orders add unique (code);
comment on index app.orders_code_key is 'the name is free again';
create table app.orders_slot_key (note text);
create table app.lines (id int, constraint lines_pkey check (id > 0));
alter table app.lines add primary key (id), add unique (id);
comment on index app.lines_pkey1 is 'a check constraint has the name';
comment on index app.lines_id_key is 'ALTER TABLE adds one index per constraint';
create table app.tags (id int primary key unique, name text unique, constraint tags_name_unique unique (name));
comment on index app.tags_name_unique is 'CREATE TABLE makes one index of equal constraints, with the written name';
comment on index app.orders_code_idx is 'no such index';
comment on index app.tags_id_key is 'UNIQUE on the primary key''s columns in CREATE TABLE adds no index';
comment on index app.tags_name_key is 'merged into tags_name_unique';
