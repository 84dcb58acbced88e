/**
 * What `verify` reports when the embedded Postgres applies the migrations (server/src/verify/classify.ts):
 * the classes of an apply failure and the stand-in notice. Data only; the registry (index.ts) lists them.
 */
import type { RuleDescription } from './ruleDescription';

const PROFILES = { name: '20240101000000_create_profiles.sql', sql: 'create table public.profiles (\n  id uuid primary key,\n  username text not null\n);\n' };

export const VERIFY_CODES = [
  {
    code: 'apply-error',
    kind: 'verify',
    defaultSeverity: 'error',
    summary: 'A migration fails when applied to a fresh Supabase database.',
    description:
      "Postgres rejected a statement of this migration when `verify` applied the folder to a fresh embedded Postgres with the Supabase platform (in the CLI's order, each file in its own transaction, like `supabase db reset`): the migration fails the same way there. It is reported at Postgres' error position, or at the failing statement, with the SQLSTATE, message, detail and hint. When the static `forward-reference` rule reported the same object there, the message says the forward reference is confirmed by Postgres and carries its rename fix.",
    invalid: [
      PROFILES,
      {
        name: '20240102000000_create_posts.sql',
        sql: 'create table public.posts (\n  id bigint primary key,\n  author_id bigint not null references public.profiles (id),\n  title text not null\n);\n',
      },
    ],
    valid: [
      PROFILES,
      {
        name: '20240102000000_create_posts.sql',
        sql: 'create table public.posts (\n  id bigint primary key,\n  author_id uuid not null references public.profiles (id),\n  title text not null\n);\n',
      },
    ],
  },
  {
    code: 'apply-cascade',
    kind: 'verify',
    defaultSeverity: 'warning',
    summary: 'A migration fails only because an earlier migration that creates what it uses failed.',
    description:
      '`verify` keeps applying after a failure. A later migration that then fails only because an object is missing whose creating migration failed is not a second problem: it is reported as a cascade, pointing at the root failure (related information), and goes away when that one is fixed.',
    invalid: [
      PROFILES,
      {
        name: '20240102000000_create_posts.sql',
        sql: 'create table public.posts (\n  id bigint primary key,\n  author_id bigint not null references public.profiles (id),\n  title text not null\n);\n',
      },
      { name: '20240103000000_index_posts.sql', sql: 'create index posts_author_id_idx on public.posts (author_id);\n' },
    ],
    valid: [
      PROFILES,
      {
        name: '20240102000000_create_posts.sql',
        sql: 'create table public.posts (\n  id bigint primary key,\n  author_id uuid not null references public.profiles (id),\n  title text not null\n);\n',
      },
      { name: '20240103000000_index_posts.sql', sql: 'create index posts_author_id_idx on public.posts (author_id);\n' },
    ],
  },
  {
    code: 'platform-gap',
    kind: 'verify',
    defaultSeverity: 'warning',
    summary: 'An extension is not available in the embedded Postgres; the migration could not be checked.',
    description:
      'The migration creates an extension that the embedded Postgres (PGlite) does not have and that no stand-in covers, so it fails there although it may well apply on Supabase: the rest of the file, and whatever later migrations need from it, could not be checked. This is a limit of `verify`, not necessarily a problem of the migration.',
    invalid: [{ name: '20240101000000_enable_postgis.sql', sql: 'create extension if not exists postgis with schema extensions;\n' }],
    valid: [{ name: '20240101000000_enable_pg_trgm.sql', sql: 'create extension if not exists pg_trgm with schema extensions;\n' }],
  },
  {
    code: 'standin-used',
    kind: 'verify',
    defaultSeverity: 'info',
    summary: 'A stand-in (signatures only) replaced an extension the embedded Postgres lacks.',
    description:
      "pg_net, pg_cron, http, wrappers, pgsodium and a few other Supabase extensions are not in the embedded Postgres: `verify` installs a stand-in for them (their schemas, types and function signatures, no behaviour) so that the migrations using them are still checked. This note says where; a migration that relies on what the extension's functions do is only checked for names and types. (pgvector is the real one.)",
    invalid: [{ name: '20240101000000_enable_pg_net.sql', sql: 'create extension if not exists pg_net with schema extensions;\n' }],
    valid: [{ name: '20240101000000_enable_pg_trgm.sql', sql: 'create extension if not exists pg_trgm with schema extensions;\n' }],
  },
  {
    code: 'not-predicted',
    kind: 'verify',
    defaultSeverity: 'info',
    summary: 'Postgres failed a migration in which `check` reported no error: a gap in the static analysis.',
    description:
      "Beside the `apply-error` of a migration that the embedded Postgres rejects, when the static rules reported no error in that migration. It marks what `check` (and the editor) cannot see yet, so that every `verify` run shows the gaps; the message repeats Postgres' SQLSTATE. Please report it with the statement if it is a class of failure `check` should know.",
    invalid: [
      PROFILES,
      {
        name: '20240102000000_profile_teams.sql',
        sql: 'create table public.teams (\n  id bigint primary key\n);\nalter table public.profiles add column team_id uuid references public.teams (id);\n',
      },
    ],
    valid: [
      PROFILES,
      {
        name: '20240102000000_profile_teams.sql',
        sql: 'create table public.teams (\n  id bigint primary key\n);\nalter table public.profiles add column team_id bigint references public.teams (id);\n',
      },
    ],
  },
] as const satisfies readonly RuleDescription[];
