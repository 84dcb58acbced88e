-- `_name` is an array type only where its element type exists: no type `label` here
create table public.posts (
  id int primary key,
  labels _label
);
