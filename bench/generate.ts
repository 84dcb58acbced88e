/**
 * Deterministic generator of realistic Supabase migration folders for the benchmark.
 *
 * Every migration (~5 KB) creates one or two tables (uuid or bigint keys, a foreign key to auth.users and
 * one to a table of an earlier migration), enables RLS and adds policies that call auth.uid() and query
 * other tables, a plpgsql trigger function and its trigger, a sql function, a view joining an earlier
 * table, indexes, grants and comments; some migrations alter earlier tables (ADD COLUMN, ADD CONSTRAINT
 * FOREIGN KEY). Every cross-file reference points to an earlier file, except one deliberate forward
 * reference per `forwardEvery` files (a view over a table that a later migration creates), which the
 * generator reports so that a test can check the engine finds exactly those.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface GenerateOptions {
  seed?: number;
  /** One deliberate forward reference per this many files (0: none). Default 200. */
  forwardEvery?: number;
}

export interface ForwardRef {
  /** File that uses the object. */
  file: string;
  /** File that creates it (later in apply order). */
  creator: string;
  /** Qualified name of the object, e.g. public.tasks_12. */
  object: string;
}

export interface GeneratedWorkspace {
  /** File name → SQL, in apply order. */
  files: Map<string, string>;
  forwardRefs: ForwardRef[];
  bytes: number;
}

/** mulberry32: tiny, seeded, good enough for picking names. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOUNS = [
  'projects', 'tasks', 'comments', 'invoices', 'orders', 'products', 'teams', 'documents', 'messages', 'events',
  'bookings', 'reviews', 'payments', 'tickets', 'notes', 'files', 'channels', 'posts', 'tags', 'courses',
];
const EXTRA_COLUMNS = [
  'title text not null',
  "status text not null default 'draft'",
  'description text',
  'amount numeric(12, 2) not null default 0',
  'is_archived boolean not null default false',
  "metadata jsonb not null default '{}'::jsonb",
  'due_at timestamptz',
  'position integer not null default 0',
  'slug text',
  'score double precision',
  'tags text[] not null default array[]::text[]',
  'external_ref text',
];

interface Table {
  name: string; // unqualified, in public
  key: 'uuid' | 'bigint';
  file: number;
}

function versionOf(i: number): string {
  // 2024-01-01 00:00:00 plus i minutes, as YYYYMMDDHHMMSS (apply order = file order).
  const d = new Date(Date.UTC(2024, 0, 1) + i * 60_000);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

/** Generate `count` migrations. Same options, same output, byte for byte. */
export function generateMigrations(count: number, options: GenerateOptions = {}): GeneratedWorkspace {
  const rand = rng(options.seed ?? 42);
  const forwardEvery = options.forwardEvery ?? 200;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

  // Plan names first so that deliberate forward references can name a later file's table.
  const plannedMain: Table[] = [];
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const noun = NOUNS[i % NOUNS.length];
    plannedMain.push({ name: `${noun}_${i}`, key: rand() < 0.7 ? 'uuid' : 'bigint', file: i });
    names.push(`${versionOf(i)}_create_${noun}_${i}.sql`);
  }

  const tables: Table[] = [];
  const files = new Map<string, string>();
  const forwardRefs: ForwardRef[] = [];
  let bytes = 0;
  const ref = (t: Table) => `public.${t.name}`;
  const keyType = (t: Table) => (t.key === 'uuid' ? 'uuid' : 'bigint');

  for (let i = 0; i < count; i++) {
    const main = plannedMain[i];
    const parent = tables.length ? tables[Math.floor(Math.pow(rand(), 0.5) * tables.length)] : undefined;
    const out: string[] = [];
    out.push(`-- Migration ${i + 1}: ${main.name}`);
    out.push(`-- Generated for the supabase-migrations benchmark (seeded, deterministic).`);
    out.push(`-- Creates ${ref(main)}${parent ? `, owned by a user and attached to ${ref(parent)}` : ''}, with RLS, policies, functions and a view.`);
    out.push('');

    // Optional enum type used by the table.
    const withEnum = rand() < 0.3;
    const enumName = `${main.name}_state`;
    if (withEnum) out.push(`create type public.${enumName} as enum ('new', 'active', 'paused', 'closed');`, '');

    const cols: string[] = [];
    cols.push(main.key === 'uuid' ? 'id uuid primary key default gen_random_uuid()' : 'id bigint generated always as identity primary key');
    cols.push('user_id uuid not null references auth.users (id) on delete cascade');
    if (parent) cols.push(`parent_ref ${keyType(parent)} references ${ref(parent)} (id) on delete set null`);
    const nExtra = int(3, 6);
    const start = int(0, EXTRA_COLUMNS.length - 1);
    for (let k = 0; k < nExtra; k++) cols.push(EXTRA_COLUMNS[(start + k) % EXTRA_COLUMNS.length]);
    if (withEnum) cols.push(`state public.${enumName} not null default 'new'`);
    cols.push('created_at timestamptz not null default now()');
    cols.push('updated_at timestamptz not null default now()');
    out.push(`create table if not exists ${ref(main)} (\n  ${cols.join(',\n  ')}\n);`, '');
    out.push(`comment on table ${ref(main)} is 'Rows of ${main.name}, one owner each (generated).';`);
    out.push(`comment on column ${ref(main)}.user_id is 'Owner: the auth user who created the row.';`, '');

    out.push(`create index if not exists ${main.name}_user_id_idx on ${ref(main)} (user_id);`);
    if (parent) out.push(`create index if not exists ${main.name}_parent_ref_idx on ${ref(main)} (parent_ref);`);
    out.push(`create index if not exists ${main.name}_created_at_idx on ${ref(main)} (created_at desc);`, '');

    out.push(`alter table ${ref(main)} enable row level security;`, '');
    out.push(`create policy "${main.name} owners can read" on ${ref(main)}\n  for select to authenticated\n  using (user_id = (select auth.uid()));`);
    out.push(`create policy "${main.name} owners can write" on ${ref(main)}\n  for insert to authenticated\n  with check (user_id = auth.uid());`);
    if (parent)
      out.push(
        `create policy "${main.name} parent owners can read" on ${ref(main)}\n  for select to authenticated\n  using (exists (\n    select 1 from ${ref(parent)} p\n    where p.id = ${main.name}.parent_ref and p.user_id = (select auth.uid())\n  ));`,
      );
    out.push(`create policy "${main.name} owners can delete" on ${ref(main)}\n  for delete to authenticated\n  using (auth.uid() = user_id);`, '');

    out.push(
      `create or replace function public.${main.name}_touch()\nreturns trigger\nlanguage plpgsql\nsecurity definer\nset search_path = ''\nas $$\nbegin\n  new.updated_at := now();\n  if new.user_id is null then\n    new.user_id := auth.uid();\n  end if;\n  return new;\nend;\n$$;`,
    );
    out.push(`create trigger ${main.name}_touch_trg\n  before insert or update on ${ref(main)}\n  for each row execute function public.${main.name}_touch();`, '');

    out.push(
      `create or replace function public.${main.name}_count_for(p_user uuid)\nreturns bigint\nlanguage sql\nstable\nas $$\n  select count(*) from ${ref(main)} t where t.user_id = p_user;\n$$;`,
    );
    if (parent) {
      out.push(
        `create or replace function public.${main.name}_audit()\nreturns trigger\nlanguage plpgsql\nas $$\ndeclare\n  v_parent ${keyType(parent)};\nbegin\n  select p.id into v_parent from ${ref(parent)} p where p.id = new.parent_ref;\n  if v_parent is null and new.parent_ref is not null then\n    raise exception 'unknown parent %', new.parent_ref;\n  end if;\n  return new;\nend;\n$$;`,
      );
      out.push(`create trigger ${main.name}_audit_trg\n  before insert on ${ref(main)}\n  for each row execute procedure public.${main.name}_audit();`);
    }
    out.push('');

    if (parent) {
      out.push(
        `create or replace view public.${main.name}_with_parent\nwith (security_invoker = true) as\n  select c.id, c.user_id, c.created_at, p.id as parent_id, p.created_at as parent_created_at\n  from ${ref(main)} c\n  left join ${ref(parent)} p on p.id = c.parent_ref;`,
      );
    } else {
      out.push(`create or replace view public.${main.name}_recent as\n  select id, user_id, created_at from ${ref(main)} where created_at > now() - interval '7 days';`);
    }
    out.push('');

    // A child history table in the same migration, guarded by the main table's owner.
    const hist = `${main.name}_history`;
    out.push(
      `create table public.${hist} (\n  id bigint generated always as identity primary key,\n  row_ref ${keyType(main)} not null references ${ref(main)} (id) on delete cascade,\n  actor uuid references auth.users (id),\n  action text not null check (action in ('insert', 'update', 'delete')),\n  changed jsonb,\n  at timestamptz not null default now()\n);`,
    );
    out.push(`comment on table public.${hist} is 'Change history of ${ref(main)}, written by triggers.';`);
    out.push(`create index ${hist}_row_ref_idx on public.${hist} (row_ref, at desc);`);
    out.push(`alter table public.${hist} enable row level security;`);
    out.push(
      `create policy "${hist} visible to row owners" on public.${hist}\n  for select to authenticated\n  using (row_ref in (select t.id from ${ref(main)} t where t.user_id = (select auth.uid())));`,
    );
    out.push(
      `create or replace function public.${hist}_log()\nreturns trigger\nlanguage plpgsql\nsecurity definer\nset search_path = ''\nas $$\nbegin\n  insert into public.${hist} (row_ref, actor, action, changed)\n  values (coalesce(new.id, old.id), auth.uid(), lower(tg_op), to_jsonb(new));\n  return coalesce(new, old);\nend;\n$$;`,
    );
    out.push(`create trigger ${hist}_log_trg\n  after insert or update or delete on ${ref(main)}\n  for each row execute function public.${hist}_log();`);
    out.push(`grant select on public.${hist} to authenticated;`, '');

    // Some migrations change earlier tables.
    if (tables.length >= 2 && rand() < 0.35) {
      const target = pick(tables);
      const other = pick(tables.filter((t) => t !== target));
      const col = `${main.name}_link`;
      out.push(`alter table ${ref(target)} add column if not exists ${col} ${keyType(other)};`);
      out.push(`alter table ${ref(target)}\n  add constraint ${target.name}_${col}_fkey foreign key (${col}) references ${ref(other)} (id) on delete set null;`);
      out.push(`create index if not exists ${target.name}_${col}_idx on ${ref(target)} (${col});`, '');
    }
    if (tables.length >= 1 && rand() < 0.25) {
      const target = pick(tables);
      out.push(`alter table ${ref(target)} add column if not exists note_${i} text;`);
      out.push(`comment on column ${ref(target)}.note_${i} is 'Added by migration ${i + 1}.';`, '');
    }

    // The deliberate forward reference: a view over a table that a later migration creates.
    if (forwardEvery > 0 && i % forwardEvery === Math.floor(forwardEvery / 2) && i + 2 < count) {
      const later = plannedMain[i + 2];
      out.push(`-- Deliberate forward reference (benchmark): ${ref(later)} is created two migrations later.`);
      out.push(`create or replace view public.${main.name}_early_peek as\n  select id, user_id from ${ref(later)};`, '');
      forwardRefs.push({ file: names[i], creator: names[i + 2], object: ref(later) });
    }

    out.push(`grant select, insert, update, delete on ${ref(main)} to authenticated;`);
    out.push(`grant select on ${ref(main)} to service_role;`);
    out.push(`grant execute on function public.${main.name}_count_for(uuid) to authenticated;`);
    out.push(`revoke execute on function public.${main.name}_touch() from anon;`);

    const text = out.join('\n') + '\n';
    files.set(names[i], text);
    bytes += Buffer.byteLength(text);
    tables.push(main);
  }
  return { files, forwardRefs, bytes };
}

/** Write a generated workspace as `<dir>/supabase/migrations/*.sql` (the folder is emptied first). Returns the migrations folder. */
export function writeWorkspace(dir: string, count: number, options: GenerateOptions = {}): { folder: string; ws: GeneratedWorkspace } {
  const ws = generateMigrations(count, options);
  const folder = path.join(dir, 'supabase', 'migrations');
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (const [name, text] of ws.files) writeFileSync(path.join(folder, name), text);
  return { folder, ws };
}
