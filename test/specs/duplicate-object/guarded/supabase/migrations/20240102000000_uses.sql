create table if not exists public.a (id int);
create or replace function public.f(x int) returns int language sql as $$ select x + 1 $$;
create function public.f(x text) returns int language sql as $$ select 1 $$;
do $$ begin create type public.s as enum ('a'); exception when duplicate_object then null; end $$;
create extension if not exists pgcrypto with schema extensions;