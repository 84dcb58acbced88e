/**
 * Schema advisors: our own catalog queries, run by the worker on the schema the migrations produced.
 * Runs inside the embedded Postgres only (worker.ts); advisors.ts maps the rows back to migrations.
 *
 * "Created by the migrations" is decided by OID: everything up to the highest catalog OID before the first
 * migration (the restored shim) is the platform, and objects that belong to an extension are skipped.
 * Every query returns rows of (code, subject json, others json, detail json) — see AdvisorRow.
 */
import type { AdvisorRow } from './protocol';

/** Schemas the Supabase Data API exposes by default. */
export const EXPOSED_SCHEMAS = ['public'];

const SYSTEM_SCHEMAS = `('pg_catalog', 'information_schema', 'pg_toast')`;

/** Highest OID in the catalogs where migrations create things (one number, as text for exactness). */
export const OID_MARK_SQL = `select greatest(
  (select coalesce(max(oid)::int8, 0) from pg_class),
  (select coalesce(max(oid)::int8, 0) from pg_proc),
  (select coalesce(max(oid)::int8, 0) from pg_policy),
  (select coalesce(max(oid)::int8, 0) from pg_constraint),
  (select coalesce(max(oid)::int8, 0) from pg_type),
  (select coalesce(max(oid)::int8, 0) from pg_namespace),
  (select coalesce(max(oid)::int8, 0) from pg_trigger)
)::text as mark`;

function queries(base: number): string[] {
  const b = Math.floor(base);
  const exposed = `array[${EXPOSED_SCHEMAS.map((s) => `'${s.replace(/'/g, "''")}'`).join(', ')}]::name[]`;
  /** A relation the migrations created (not the platform, not an extension's). */
  const newRel = (c: string) =>
    `${c}.oid::int8 > ${b} and not exists (select 1 from pg_depend e where e.classid = 'pg_class'::regclass and e.objid = ${c}.oid and e.deptype = 'e')`;
  const rel = (kind: string, n: string, c: string) => `json_build_object('kind', '${kind}', 'schema', ${n}.nspname, 'name', ${c}.relname, 'oid', ${c}.oid::int8)`;
  return [
    // A table in an exposed schema without row level security.
    `select 'rls-disabled-in-public' as code, ${rel('table', 'n', 'c')}::text as subject, '[]' as others, '{}' as detail
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and n.nspname = any(${exposed}) and not c.relrowsecurity and ${newRel('c')}`,

    // Row level security on, no policy at all (exposed schemas: elsewhere "deny all" is a common choice).
    `select 'rls-enabled-no-policy' as code, ${rel('table', 'n', 'c')}::text as subject, '[]' as others, '{}' as detail
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and n.nspname = any(${exposed}) and c.relrowsecurity and ${newRel('c')}
        and not exists (select 1 from pg_policy p where p.polrelid = c.oid)`,

    // Policies (created by migrations) on a table whose row level security is off: they do nothing.
    `select 'policy-exists-rls-disabled' as code, ${rel('table', 'n', 'c')}::text as subject,
            json_agg(json_build_object('kind', 'policy', 'schema', n.nspname, 'name', p.polname, 'table', c.relname, 'oid', p.oid::int8) order by p.oid)::text as others,
            json_build_object('policies', string_agg(quote_ident(p.polname), ', ' order by p.oid))::text as detail
       from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace
      where not c.relrowsecurity and p.oid::int8 > ${b} and n.nspname not in ${SYSTEM_SCHEMAS}
      group by c.oid, n.nspname, c.relname`,

    // SECURITY DEFINER without a search_path of its own (proconfig).
    `select 'security-definer-search-path' as code,
            json_build_object('kind', 'function', 'schema', n.nspname, 'name', p.proname, 'oid', p.oid::int8)::text as subject, '[]' as others,
            json_build_object('signature', format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)))::text as detail
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where p.prosecdef and p.oid::int8 > ${b} and n.nspname not in ${SYSTEM_SCHEMAS}
        and not exists (select 1 from pg_depend e where e.classid = 'pg_proc'::regclass and e.objid = p.oid and e.deptype = 'e')
        and not exists (select 1 from unnest(coalesce(p.proconfig, '{}'::text[])) as cfg(setting) where cfg.setting like 'search\\_path=%')`,

    // A foreign key whose columns are not the leading key columns (any order) of a full, non-partial index.
    `select 'unindexed-foreign-key' as code, ${rel('table', 'n', 'c')}::text as subject,
            json_build_array(${rel('table', 'rn', 'rc')})::text as others,
            json_build_object(
              'constraint', con.conname,
              'columns', (select string_agg(quote_ident(a.attname), ', ' order by k.i)
                            from unnest(con.conkey) with ordinality as k(attnum, i)
                            join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum),
              'references', format('%I.%I', rn.nspname, rc.relname))::text as detail
       from pg_constraint con
       join pg_class c on c.oid = con.conrelid join pg_namespace n on n.oid = c.relnamespace
       join pg_class rc on rc.oid = con.confrelid join pg_namespace rn on rn.oid = rc.relnamespace
      where con.contype = 'f' and con.conparentid = 0 and con.oid::int8 > ${b} and n.nspname not in ${SYSTEM_SCHEMAS}
        and not exists (
          select 1 from pg_index i
           where i.indrelid = con.conrelid and i.indpred is null and i.indnkeyatts >= cardinality(con.conkey)
             and (select array_agg(x order by x) from unnest((string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(con.conkey)]) as x)
               = (select array_agg(x order by x) from unnest(con.conkey) as x))`,

    // A table (not a partition: its parent is reported) without a primary key.
    `select 'no-primary-key' as code, ${rel('table', 'n', 'c')}::text as subject, '[]' as others, '{}' as detail
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and not c.relispartition and n.nspname not in ${SYSTEM_SCHEMAS} and ${newRel('c')}
        and not exists (select 1 from pg_constraint k where k.conrelid = c.oid and k.contype = 'p')`,

    // Two indexes with the same table, key and INCLUDE columns, expressions, operator classes, collations,
    // options, predicate and access method. The later one is reported, with the earliest one it repeats.
    `select 'duplicate-index' as code,
            json_build_object('kind', 'index', 'schema', n.nspname, 'name', ic.relname, 'table', tc.relname, 'oid', ic.oid::int8,
                              'constraint', (select k.conname from pg_constraint k where k.conindid = i.indexrelid and k.conrelid = i.indrelid limit 1))::text as subject,
            json_build_array(json_build_object('kind', 'index', 'schema', n.nspname, 'name', d.relname, 'table', tc.relname, 'oid', d.oid::int8,
                              'constraint', (select k.conname from pg_constraint k where k.conindid = d.oid and k.conrelid = i.indrelid limit 1)))::text as others,
            json_build_object('unique', i.indisunique::text, 'otherUnique', d.indisunique::text, 'definition', pg_get_indexdef(i.indexrelid))::text as detail
       from pg_index i
       join pg_class ic on ic.oid = i.indexrelid
       join pg_class tc on tc.oid = i.indrelid join pg_namespace n on n.oid = tc.relnamespace
       cross join lateral (
         select jc.oid, jc.relname, j.indisunique from pg_index j join pg_class jc on jc.oid = j.indexrelid
          where j.indrelid = i.indrelid and j.indexrelid < i.indexrelid
            and j.indkey::text = i.indkey::text and j.indnkeyatts = i.indnkeyatts
            and j.indclass::text = i.indclass::text and j.indcollation::text = i.indcollation::text and j.indoption::text = i.indoption::text
            and jc.relam = ic.relam
            and pg_get_expr(j.indexprs, j.indrelid) is not distinct from pg_get_expr(i.indexprs, i.indrelid)
            and pg_get_expr(j.indpred, j.indrelid) is not distinct from pg_get_expr(i.indpred, i.indrelid)
          order by j.indexrelid limit 1) as d
      where not ic.relispartition and n.nspname not in ${SYSTEM_SCHEMAS} and ${newRel('ic')}`,

    // A view or materialized view in an exposed schema whose rewrite rule depends on auth.users.
    `select 'auth-users-exposed' as code, ${rel('view', 'n', 'c')}::text as subject, '[]' as others,
            json_build_object('relkind', case c.relkind when 'm' then 'materialized view' else 'view' end,
                              'securityInvoker', coalesce((select o.option_value from pg_options_to_table(c.reloptions) o where o.option_name = 'security_invoker'), 'false'))::text as detail
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('v', 'm') and n.nspname = any(${exposed}) and ${newRel('c')} and to_regclass('auth.users') is not null
        and exists (select 1 from pg_rewrite r
                      join pg_depend d on d.classid = 'pg_rewrite'::regclass and d.objid = r.oid
                     where r.ev_class = c.oid and d.refclassid = 'pg_class'::regclass and d.refobjid = to_regclass('auth.users'))`,
  ];
}

interface Queryable {
  query<T>(sql: string): Promise<{ rows: T[] }>;
}

export async function oidMark(pg: Queryable): Promise<number> {
  const rows = (await pg.query<{ mark: string }>(OID_MARK_SQL)).rows;
  return Number(rows[0]?.mark ?? 0);
}

/** Runs every advisor query (read-only) and returns the rows in query order, then by OID. */
export async function runAdvisorQueries(pg: Queryable, baseOid: number): Promise<AdvisorRow[]> {
  const out: AdvisorRow[] = [];
  for (const sql of queries(baseOid)) {
    const rows = (await pg.query<{ code: string; subject: string; others: string; detail: string }>(sql)).rows;
    const parsed = rows.map((r) => ({
      code: r.code,
      subject: JSON.parse(r.subject) as AdvisorRow['subject'],
      others: JSON.parse(r.others) as AdvisorRow['others'],
      detail: JSON.parse(r.detail) as Record<string, string>,
    }));
    parsed.sort((a, b) => a.subject.oid - b.subject.oid || (a.detail.constraint ?? '').localeCompare(b.detail.constraint ?? ''));
    out.push(...parsed);
  }
  return out;
}
