-- REFERENCES without a column list references the primary key: a table without one fails (42704).
create table public.tags (id bigint unique, name text);
create table public.post_tags (post_id bigint, tag_id bigint references public.tags);
