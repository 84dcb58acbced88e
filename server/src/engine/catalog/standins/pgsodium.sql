-- Stand-in for pgsodium (libsodium bindings). A few core functions with the
-- real signatures, in schema `pgsodium`; they raise when called. The real
-- extension has many more (derive_key, ...) and the schema pgsodium_masks:
-- names there are unknown, not missing (@opaque).
-- @extension: pgsodium
-- @relocatable: false
-- @schema: pgsodium
-- @requires:
-- @opaque: pgsodium, pgsodium_masks

create schema if not exists pgsodium;

create function pgsodium._unavailable() returns void
language plpgsql as $$ begin raise exception 'pgsodium stand-in: not available' using errcode = '0A000'; end $$;

create type pgsodium.key_status as enum ('default', 'valid', 'invalid', 'expired');
create type pgsodium.key_type as enum ('aead-ietf', 'aead-det', 'hmacsha512', 'hmacsha256', 'auth', 'shorthash', 'generichash', 'kdf', 'secretbox', 'secretstream', 'stream_xchacha20');
create type pgsodium.crypto_box_keypair as (public bytea, secret bytea);
create type pgsodium.crypto_sign_keypair as (public bytea, secret bytea);

create table pgsodium.key (
  id uuid not null default gen_random_uuid() primary key,
  status pgsodium.key_status default 'valid',
  created timestamptz not null default current_timestamp,
  expires timestamptz,
  key_type pgsodium.key_type,
  key_id bigint,
  key_context bytea default '\x7067736f6469756d',
  name text unique,
  associated_data text default 'associated',
  raw_key bytea,
  raw_key_nonce bytea,
  parent_key uuid references pgsodium.key (id),
  comment text,
  user_data text
);

create function pgsodium.randombytes_random() returns integer language sql as 'select null::integer';
create function pgsodium.randombytes_buf(size integer) returns bytea language sql as 'select null::bytea';
create function pgsodium.crypto_secretbox_keygen() returns bytea language sql as 'select null::bytea';
create function pgsodium.crypto_secretbox_noncegen() returns bytea language sql as 'select null::bytea';
create function pgsodium.crypto_secretbox(message bytea, nonce bytea, key bytea) returns bytea language sql as 'select null::bytea';
create function pgsodium.crypto_secretbox_open(ciphertext bytea, nonce bytea, key bytea) returns bytea language sql as 'select null::bytea';
create function pgsodium.crypto_box_new_keypair() returns pgsodium.crypto_box_keypair language sql as 'select null::pgsodium.crypto_box_keypair';
create function pgsodium.crypto_sign_new_keypair() returns pgsodium.crypto_sign_keypair language sql as 'select null::pgsodium.crypto_sign_keypair';
create function pgsodium.crypto_generichash(message bytea, key bytea default null) returns bytea language sql as 'select null::bytea';
create function pgsodium.crypto_aead_det_keygen() returns bytea language sql as 'select null::bytea';
create function pgsodium.crypto_aead_det_encrypt(message bytea, additional bytea, key_uuid uuid, nonce bytea default null) returns bytea language sql as 'select null::bytea';
create function pgsodium.crypto_aead_det_decrypt(message bytea, additional bytea, key_uuid uuid, nonce bytea default null) returns bytea language sql as 'select null::bytea';
create function pgsodium.crypto_aead_det_encrypt(message bytea, additional bytea, key bytea, nonce bytea default null) returns bytea language sql as 'select null::bytea';
create function pgsodium.crypto_aead_det_decrypt(message bytea, additional bytea, key bytea, nonce bytea default null) returns bytea language sql as 'select null::bytea';
create function pgsodium.crypto_auth_hmacsha256(message bytea, secret bytea) returns bytea language sql as 'select null::bytea';
create function pgsodium.create_key(
  key_type pgsodium.key_type default 'aead-det',
  name text default null,
  raw_key bytea default null,
  raw_key_nonce bytea default null,
  parent_key uuid default null,
  key_context bytea default '\x7067736f6469756d',
  expires timestamptz default null,
  associated_data text default ''
) returns pgsodium.key language sql as 'select null::pgsodium.key';
