/**
 * `verify`'s schema advisors (server/src/verify/advisors-sql.ts queries, advisors.ts findings), in the order
 * they are listed everywhere. Data only; the registry (index.ts) lists them.
 */
import type { RuleDescription } from './ruleDescription';

const NOTES = 'create table public.notes (\n  id bigint generated always as identity primary key,\n  body text not null\n);\n';
const NOTES_RLS = 'alter table public.notes enable row level security;\n';
const NOTES_POLICY = 'create policy "anyone reads notes" on public.notes for select to anon, authenticated using (true);\n';
const PROFILES = 'create table public.profiles (\n  id uuid primary key,\n  username text not null\n);\n';
const POSTS = 'create table public.posts (\n  id bigint primary key,\n  author_id uuid not null references public.profiles (id),\n  title text not null\n);\n';
const ADMINS = 'create table public.admins (\n  user_id uuid primary key references auth.users (id)\n);\n';
const EVENTS = 'create table public.events (\n  id bigint generated always as identity primary key,\n  kind text not null\n);\ncreate index events_kind_idx on public.events (kind);\n';

const file = (sql: string) => [{ name: '20240101000000_schema.sql', sql }];

export const ADVISOR_CODES = [
  {
    code: 'rls-disabled-in-public',
    kind: 'advisor',
    defaultSeverity: 'warning',
    summary: 'A table in an exposed schema (public) has row level security disabled.',
    description:
      "The Data API exposes the `public` schema: a table there without row level security can be read and changed by anyone with the project's anon key. Enable row level security on it (and add policies for what clients may do), or move it to a schema the API does not expose.",
    invalid: file(NOTES),
    valid: file(NOTES + NOTES_RLS + NOTES_POLICY),
  },
  {
    code: 'rls-enabled-no-policy',
    kind: 'advisor',
    defaultSeverity: 'warning',
    summary: 'Row level security is enabled on a table in an exposed schema, but it has no policy.',
    description:
      'With row level security on and no policy at all, the Data API returns no rows and rejects every write for `anon` and `authenticated` (only the service role and the table owner get through). Add the policies clients need; if nobody but the server should reach the table, switch this advisor off for it with an ignore comment.',
    invalid: file(NOTES + NOTES_RLS),
    valid: file(NOTES + NOTES_RLS + NOTES_POLICY),
  },
  {
    code: 'policy-exists-rls-disabled',
    kind: 'advisor',
    defaultSeverity: 'warning',
    summary: 'A table has policies but row level security is disabled, so they have no effect.',
    description:
      'Policies are only enforced while row level security is enabled on their table: with it off they do nothing and every role with table privileges sees every row. Usually the `enable row level security` was forgotten. The finding is on the table; related information lists its policies.',
    invalid: file(NOTES + NOTES_POLICY),
    valid: file(NOTES + NOTES_RLS + NOTES_POLICY),
  },
  {
    code: 'security-definer-search-path',
    kind: 'advisor',
    defaultSeverity: 'warning',
    summary: 'A SECURITY DEFINER function has no fixed search_path.',
    description:
      "A `security definer` function runs with its owner's rights but resolves unqualified names with the caller's `search_path`, so a caller can put objects of their own in front of the ones it uses. Give it a search path of its own, `set search_path = ''`, and schema-qualify the names in its body.",
    invalid: file(
      ADMINS + 'create function public.is_admin() returns boolean\nlanguage sql security definer\nas $$ select exists (select 1 from public.admins where user_id = auth.uid()) $$;\n',
    ),
    valid: file(
      ADMINS + "create function public.is_admin() returns boolean\nlanguage sql security definer set search_path = ''\nas $$ select exists (select 1 from public.admins where user_id = auth.uid()) $$;\n",
    ),
  },
  {
    code: 'unindexed-foreign-key',
    kind: 'advisor',
    defaultSeverity: 'warning',
    summary: 'A foreign key has no index with its columns as leading columns.',
    description:
      "Postgres indexes the referenced side of a foreign key, not the referencing one: without an index whose leading columns are the foreign key's columns (in any order; partial indexes do not count), deleting or updating a referenced row scans the whole referencing table, and so do joins along the key. The message gives the `create index` that fixes it.",
    invalid: file(PROFILES + POSTS),
    valid: file(PROFILES + POSTS + 'create index posts_author_id_idx on public.posts (author_id);\n'),
  },
  {
    code: 'no-primary-key',
    kind: 'advisor',
    defaultSeverity: 'info',
    summary: 'A table has no primary key.',
    description:
      'Without a primary key rows cannot be identified: the Supabase dashboard cannot edit them, and logical replication cannot replicate their updates and deletes. Partitions are not reported (their parent is).',
    invalid: file('create table public.page_views (\n  path text not null,\n  viewed_at timestamptz not null default now()\n);\n'),
    valid: file('create table public.page_views (\n  id bigint generated always as identity primary key,\n  path text not null,\n  viewed_at timestamptz not null default now()\n);\n'),
  },
  {
    code: 'duplicate-index',
    kind: 'advisor',
    defaultSeverity: 'warning',
    summary: 'Two indexes on a table have the same definition.',
    description:
      'An index identical to an earlier one on the same table — same key and INCLUDE columns, expressions, operator classes, collations, predicate and method; an index a primary key or unique constraint made counts too — only slows down writes and takes space. The later one is reported, with the earlier one as related information; when only one of them is unique, keep that one.',
    invalid: file(EVENTS + 'create index events_kind_lookup_idx on public.events (kind);\n'),
    valid: file(EVENTS),
  },
  {
    code: 'auth-users-exposed',
    kind: 'advisor',
    defaultSeverity: 'warning',
    summary: 'A view in an exposed schema (public) reads auth.users.',
    description:
      "A view or materialized view in `public` that reads `auth.users` can expose users' emails and metadata through the Data API, all the more as a view runs with its owner's rights (bypassing row level security) unless it is `security_invoker`. Move it to a schema the API does not expose, or select what clients need from a table of your own (a `profiles` table filled by a trigger).",
    invalid: file('create view public.user_emails as select id, email from auth.users;\n'),
    valid: file('create schema private;\ncreate view private.user_emails as select id, email from auth.users;\n'),
  },
] as const satisfies readonly RuleDescription[];
