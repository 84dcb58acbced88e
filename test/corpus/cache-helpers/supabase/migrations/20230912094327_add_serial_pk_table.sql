create table public.serial_key_table (
    id serial primary key,
    value text
);
