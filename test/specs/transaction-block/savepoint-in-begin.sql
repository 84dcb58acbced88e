begin;
create table public.events (id bigint primary key);
savepoint before_seed;
insert into public.events values (1);
release savepoint before_seed;
commit;
