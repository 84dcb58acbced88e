-- `_text`, `_int4`: the internal names of text[] and integer[] (pg_dump-style); every type has one,
-- the ones migrations create too
create type public.mood as enum ('happy', 'sad');
create table public.posts (
  id int primary key,
  tags _text not null,
  ids _int4,
  moods public._mood
);
create function public.first_tag(t _text) returns text language sql as $$ select t[1] $$;
