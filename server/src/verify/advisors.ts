/**
 * Schema advisors, parent side: turns the worker's advisor rows (advisors-sql.ts) into findings on the
 * statement that created the object — the name in its CREATE, in the migration that ran it.
 *
 * Which migration: the first applied file whose OID mark reaches the object's OID (the worker records the
 * highest catalog OID after each file); where in it: the engine's definition sites for the object's key in
 * that file (`relation:public.t`, `function:public.f`, `policy:public.t.p`), else the key's definition in
 * the timeline. Objects up to the base OID are the platform's and are never reported.
 * Pure: no Postgres, no file system.
 */
import type { Analysis, EngineConfig } from '../engine/analyze';
import type { SourceRange } from '../engine/positions';
import type { RelatedInformation, RuleCode, Severity } from '../engine/types';
import { rulesOfKind } from '../ruleRegistry';
import type { VerifyFinding } from './classify';
import type { AdvisorObject, AdvisorReport, AdvisorRow, WorkerFileResult } from './protocol';

export interface AdvisorRule {
  code: RuleCode;
  severity: Severity;
  summary: string;
}

/** The advisors' codes, default severities and summaries, from the rule registry (which describes them). */
export const ADVISOR_RULES: AdvisorRule[] = rulesOfKind('advisor').map((r) => ({ code: r.code, severity: r.defaultSeverity, summary: r.summary }));

const q = (s: string) => (/^[a-z_][a-z0-9_$]*$/.test(s) ? s : `"${s.replace(/"/g, '""')}"`);
const qualified = (o: Pick<AdvisorObject, 'schema' | 'name'>) => `${q(o.schema)}.${q(o.name)}`;

export interface Location {
  file: string;
  fileIndex: number;
  range: SourceRange;
  /** Found by OID only: the statement that created it is not one the static engine understands. */
  approximate: boolean;
}

export class AdvisorLocator {
  constructor(
    private readonly analysis: Analysis,
    private readonly raw: WorkerFileResult[],
    private readonly baseOid: number,
  ) {}

  /** Index of the migration that created the object with this OID, or -1 (platform, or unknown). */
  fileOf(oid: number): number {
    if (!(oid > this.baseOid)) return -1;
    for (let i = 0; i < this.raw.length; i++) {
      const mark = this.raw[i].oidMark;
      if (this.raw[i].status === 'ok' && mark !== undefined && mark >= oid) return i;
    }
    return -1;
  }

  private keys(o: AdvisorObject): string[] {
    switch (o.kind) {
      case 'function':
        return [`function:${o.schema}.${o.name}`];
      case 'policy':
        return [`policy:${o.schema}.${o.table}.${o.name}`];
      default:
        return [`relation:${o.schema}.${o.name}`];
    }
  }

  private inFile(fi: number, key: string): SourceRange | undefined {
    return (this.analysis.timeline.defs[fi] ?? []).find((d) => d.key === key)?.range;
  }

  /** Where the timeline says an object was created (any migration). */
  private locateKey(key: string): Location | undefined {
    const def = this.analysis.timeline.byKey.get(key)?.record;
    if (def?.origin !== 'migration' || !def.def) return undefined;
    const at = this.analysis.migrations.findIndex((m) => m.path === def.def!.file);
    return at >= 0 ? { file: def.def.file, fileIndex: at, range: def.def.range, approximate: false } : undefined;
  }

  locate(o: AdvisorObject): Location | undefined {
    const fi = this.fileOf(o.oid);
    if (fi < 0) return undefined;
    const path = this.analysis.migrations[fi].path;
    for (const key of this.keys(o)) {
      const here = this.inFile(fi, key);
      if (here) return { file: path, fileIndex: fi, range: here, approximate: false };
      const elsewhere = this.locateKey(key);
      if (elsewhere) return elsewhere;
    }
    if (o.kind === 'index' && o.table && !o.constraint) {
      // An index without a name (`create index on t (...)`): the one unnamed CREATE INDEX on that table in the file.
      const facts = this.analysis.facts[fi];
      const named = new Set((this.analysis.timeline.defs[fi] ?? []).map((d) => d.point.stmt));
      const candidates = facts.statements.filter(
        (st, i) => st.nodeType === 'IndexStmt' && !named.has(i) && st.refs.some((r) => r.ns === 'relation' && r.name === o.table && (r.schema ?? o.schema) === o.schema),
      );
      if (candidates.length === 1) {
        const st = candidates[0];
        const firstLineEnd = facts.lineIndex.offset({ line: st.range.start.line + 1, character: 0 });
        return { file: path, fileIndex: fi, range: facts.lineIndex.range(st.range.startByte, Math.min(st.range.endByte, Math.max(st.range.startByte, firstLineEnd - 1))), approximate: false };
      }
    }
    if (o.kind === 'index' && o.table) {
      // Made by a constraint (primary key, unique) or not found: on the table.
      const table = this.locateKey(`relation:${o.schema}.${o.table}`);
      if (table) return table;
    }
    return { file: path, fileIndex: fi, range: this.analysis.facts[fi].lineIndex.range(0, 0), approximate: true };
  }
}

function message(row: AdvisorRow): string {
  const s = row.subject;
  const d = row.detail;
  const name = qualified(s);
  switch (row.code) {
    case 'rls-disabled-in-public':
      return `Table ${name} is in an exposed schema (${s.schema}) without row level security: with the anon key anyone can read and change it through the Data API. Enable it (alter table ${name} enable row level security) and add policies.`;
    case 'rls-enabled-no-policy':
      return `Row level security is enabled on ${name} but it has no policy, so the Data API returns no rows and rejects writes for anon and authenticated. Add policies (or disable this advisor for the table if that is intended).`;
    case 'policy-exists-rls-disabled':
      return `${name} has ${row.others.length === 1 ? 'a policy' : 'policies'} (${d.policies}) but row level security is disabled, so ${row.others.length === 1 ? 'it has' : 'they have'} no effect. Enable it: alter table ${name} enable row level security.`;
    case 'security-definer-search-path':
      return `Function ${d.signature} is SECURITY DEFINER without a fixed search_path: a caller can put objects of their own in front of the ones it uses. Add \`set search_path = ''\` to its definition (and schema-qualify the names in its body).`;
    case 'unindexed-foreign-key':
      return `Foreign key ${q(d.constraint)} on ${name} (${d.columns}) → ${d.references} has no index starting with ${d.columns.includes(',') ? 'these columns' : 'this column'}: deleting or updating ${d.references} rows, and joins, scan ${name}. Add one: create index on ${name} (${d.columns});`;
    case 'no-primary-key':
      return `Table ${name} has no primary key: rows cannot be identified (the dashboard cannot edit them, logical replication cannot replicate updates and deletes). Add one.`;
    case 'duplicate-index': {
      const other = row.others[0];
      const what = (o: AdvisorObject) => (o.constraint ? `${q(o.name)} (constraint ${q(o.constraint)})` : q(o.name));
      const keep = d.unique !== d.otherUnique ? ` Keep the unique one, ${d.unique === 'true' ? what(s) : what(other)}.` : '';
      return `Index ${what(s)} on ${qualified({ schema: s.schema, name: s.table ?? '' })} has the same definition as ${what(other)} (columns, operator classes, predicate, method): one of them is redundant and only slows writes.${keep}`;
    }
    case 'auth-users-exposed':
      return `${d.relkind === 'materialized view' ? 'Materialized view' : 'View'} ${name} reads auth.users and is in an exposed schema: it can expose users' emails and metadata through the Data API${d.securityInvoker === 'true' ? '' : ' (it runs with its owner\'s rights, bypassing row level security)'}. Move it to a private schema, or select only what you need from a table of your own.`;
    default:
      return `${row.code}: ${name}`;
  }
}

function objectName(o: AdvisorObject): string {
  if (o.kind === 'policy') return `policy "${o.name}" on ${qualified({ schema: o.schema, name: o.table ?? '' })}`;
  if (o.kind === 'function') return `${qualified(o)}()`;
  return qualified(o);
}

export interface AdvisorOptions {
  rules?: EngineConfig['rules'];
}

/** Findings for the advisor rows, in migration order; config `rules` and ignore comments apply. */
export function advisorFindings(analysis: Analysis, raw: WorkerFileResult[], report: AdvisorReport, opts: AdvisorOptions = {}): VerifyFinding[] {
  const locator = new AdvisorLocator(analysis, raw, report.baseOid);
  const defaults = new Map(ADVISOR_RULES.map((r) => [r.code as string, r.severity]));
  const out: (VerifyFinding & { fi: number })[] = [];
  for (const row of report.rows) {
    const code = row.code as RuleCode;
    const level = opts.rules?.[code];
    if (level === 'off' || !defaults.has(code)) continue;
    // Policies on a platform table: on the first policy instead.
    const at = locator.locate(row.subject) ?? (row.code === 'policy-exists-rls-disabled' && row.others.length ? locator.locate(row.others[0]) : undefined);
    if (!at) continue;
    const facts = analysis.facts[at.fileIndex];
    const line = at.range.start.line;
    if (facts?.directives.some((d) => (d.line === 'file' || d.line === line) && (d.codes.length === 0 || d.codes.includes(code)))) continue;
    const related: RelatedInformation[] = [];
    for (const o of row.others) {
      const l = locator.locate(o);
      if (l && !l.approximate) related.push({ file: l.file, range: l.range, message: objectName(o) });
    }
    let text = message(row);
    if (at.approximate) text += ' (Created by a statement the static analysis does not follow, e.g. dynamic SQL in this migration.)';
    out.push({ code, severity: level ?? defaults.get(code)!, file: at.file, range: at.range, message: text, related, fixes: [], object: objectName(row.subject), fi: at.fileIndex });
  }
  out.sort((a, b) => a.fi - b.fi || a.range.startByte - b.range.startByte || a.code.localeCompare(b.code));
  return out.map(({ fi: _fi, ...f }) => f);
}
