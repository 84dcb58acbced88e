-- SAVEPOINT needs a transaction block the file opened (25P01); the CLI's implicit transaction is none.
create table public.events (id bigint primary key);
savepoint before_seed;
insert into public.events values (1);
