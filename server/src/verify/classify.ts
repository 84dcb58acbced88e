/**
 * Turns what the embedded Postgres said about each file into findings at exact places, and tells apart
 *   not-predicted  beside an apply-error in a file where the static engine reported no error (info)
 *   apply-error    a real error in this file (with "confirmed by Postgres" when the static engine had
 *                  already reported it as a forward reference on the same object);
 *   apply-cascade  the file fails only because an object whose creating migration failed is missing;
 *   platform-gap   an extension the embedded Postgres does not have;
 *   standin-used   (info) a stand-in extension was installed: signatures only, no behaviour.
 * Pure: no Postgres, no file system.
 */
import type { Analysis } from '../engine/analyze';
import { codePointToByte, type SourceRange } from '../engine/positions';
import type { Finding, RelatedInformation } from '../engine/types';
import type { PgErrorInfo, WorkerFileResult } from './protocol';

export type VerifyStatus = 'ok' | 'failed' | 'cascade' | 'skipped';

export interface VerifyMigration {
  path: string;
  name: string;
  version: string;
  status: VerifyStatus;
  sqlstate?: string;
}

export interface VerifyFinding extends Finding {
  sqlstate?: string;
}

export interface Classified {
  migrations: VerifyMigration[];
  findings: VerifyFinding[];
}

/** The object a "does not exist" error is about. */
export interface MissingObject {
  kind: 'relation' | 'schema' | 'type' | 'function' | 'column' | 'role' | 'other';
  /** Unqualified name (functions: without the argument list). */
  name: string;
  /** As Postgres wrote it. */
  display: string;
}

const MISSING_SQLSTATES = new Set(['42P01', '42883', '42704', '3F000', '42703', '42P02']);

export function missingObject(err: PgErrorInfo): MissingObject | undefined {
  if (!err.sqlstate || !MISSING_SQLSTATES.has(err.sqlstate)) return undefined;
  const msg = err.message;
  let m: RegExpExecArray | null;
  const last = (q: string) => {
    const parts = q.split('.');
    return parts[parts.length - 1].replace(/^"|"$/g, '');
  };
  if ((m = /^(?:relation|table|view|sequence|materialized view|index) "([^"]+)" does not exist/.exec(msg))) return { kind: 'relation', name: last(m[1]), display: m[1] };
  if ((m = /^schema "([^"]+)" does not exist/.exec(msg))) return { kind: 'schema', name: m[1], display: m[1] };
  if ((m = /^type "([^"]+)" does not exist/.exec(msg))) return { kind: 'type', name: last(m[1]), display: m[1] };
  if ((m = /^role "([^"]+)" does not exist/.exec(msg))) return { kind: 'role', name: m[1], display: m[1] };
  if ((m = /^(?:function|procedure) ([^(]+)\(/.exec(msg))) return { kind: 'function', name: last(m[1].trim()), display: m[1].trim() };
  if ((m = /^column "([^"]+)" of relation "([^"]+)" does not exist/.exec(msg))) return { kind: 'column', name: m[1], display: `${m[2]}.${m[1]}` };
  if ((m = /^column (?:"([^"]+)"|(\S+)) does not exist/.exec(msg))) {
    const full = m[1] ?? m[2];
    return { kind: 'column', name: last(full), display: full };
  }
  if ((m = /^(?:\w+ )+"([^"]+)"(?: for table "[^"]+")? does not exist/.exec(msg))) return { kind: 'other', name: m[1], display: m[1] };
  return undefined;
}

/** `extension "x" is not available` (PostgreSQL 15+) or the older control-file message. */
export function unavailableExtension(err: PgErrorInfo): string | undefined {
  const m = /^extension "([^"]+)" is not available/.exec(err.message) ?? /could not open extension control file ".*\/([^/"]+)\.control"/.exec(err.message);
  return m ? m[1] : undefined;
}

/** Base name of an engine object key (`relation:public.t` → `t`, `function:s.f(int)` → `f`). */
function keyName(key: string): string {
  let k = key.slice(key.indexOf(':') + 1);
  const paren = k.indexOf('(');
  if (paren >= 0) k = k.slice(0, paren);
  const dot = k.lastIndexOf('.');
  return dot >= 0 ? k.slice(dot + 1) : k;
}

const kindMatches = (m: MissingObject, key: string) => {
  const ns = key.slice(0, key.indexOf(':'));
  switch (m.kind) {
    case 'relation':
      return ns === 'relation';
    case 'schema':
      return ns === 'schema';
    case 'type':
      return ns === 'type' || ns === 'relation';
    case 'function':
      return ns === 'function';
    case 'role':
      return ns === 'role';
    default:
      return true;
  }
};

/** Does migration `fi` create the missing object (by name)? */
function creates(analysis: Analysis, fi: number, m: MissingObject): boolean {
  if (m.kind === 'column') {
    return analysis.facts[fi].statements.some((st) =>
      st.effects.some((e) => (e.type === 'create' && e.columns?.some((c) => c.name === m.name)) || (e.type === 'alter-table' && e.addColumns.some((c) => c.name === m.name))),
    );
  }
  return (analysis.timeline.defs[fi] ?? []).some((d) => keyName(d.key) === m.name && kindMatches(m, d.key));
}

function tokenEnd(text: string, index: number): number {
  const rest = text.slice(index, index + 512);
  const m = /^("(?:[^"]|"")*"|[A-Za-z0-9_$]+)(\.("(?:[^"]|"")*"|[A-Za-z0-9_$]+))*/.exec(rest);
  return index + (m && m[0].length ? m[0].length : 1);
}

/** String index of the n-th code point. */
function codePointIndex(text: string, n: number): number {
  let i = 0;
  for (let cp = 0; cp < n && i < text.length; cp++) {
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
  }
  return i;
}

/** Where in the file the error is: Postgres' position, else the failing statement (at the object's name). */
export function errorRange(analysis: Analysis, fi: number, text: string, err: PgErrorInfo, missing?: MissingObject): SourceRange {
  const facts = analysis.facts[fi];
  const li = facts.lineIndex;
  if (err.position && err.position > 0) {
    const idx = codePointIndex(text, err.position - 1);
    const start = codePointToByte(text, err.position - 1);
    const end = start + Buffer.byteLength(text.slice(idx, tokenEnd(text, idx)), 'utf8');
    return li.range(start, end);
  }
  const st = err.statement !== undefined ? facts.statements[err.statement] : undefined;
  if (!st) return li.range(0, 0);
  if (missing) {
    const ref = (analysis.timeline.refs[fi] ?? []).find((r) => r.point.stmt === err.statement && r.ref.name === missing.name);
    if (ref) return ref.ref.range;
    const stText = Buffer.from(text, 'utf8').subarray(st.range.startByte, st.range.endByte).toString('utf8');
    const re = new RegExp(`(?<![A-Za-z0-9_$])"?${missing.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"?(?![A-Za-z0-9_$])`, 'i');
    const hit = re.exec(stText);
    if (hit) {
      const start = st.range.startByte + Buffer.byteLength(stText.slice(0, hit.index), 'utf8');
      return li.range(start, start + Buffer.byteLength(hit[0], 'utf8'));
    }
  }
  const firstLineEnd = li.offset({ line: st.range.start.line + 1, character: 0 });
  return li.range(st.range.startByte, Math.min(st.range.endByte, Math.max(st.range.startByte, firstLineEnd - 1)));
}

function pgText(err: PgErrorInfo): string {
  let s = `${err.message} (SQLSTATE ${err.sqlstate ?? '?'})`;
  if (err.detail) s += ` Detail: ${err.detail}`;
  if (err.hint) s += ` Hint: ${err.hint}`;
  return s;
}

export interface ClassifyOptions {
  texts: string[];
  postgres: string;
}

export function classify(analysis: Analysis, results: WorkerFileResult[], opts: ClassifyOptions): Classified {
  const ms = analysis.migrations;
  const migrations: VerifyMigration[] = [];
  const findings: VerifyFinding[] = [];
  /** Per file: the finding of its root failure (itself, or what it cascades from). */
  const rootOf: (VerifyFinding | undefined)[] = [];
  const base = (m: (typeof ms)[number]) => ({ path: m.path, name: m.name, version: m.version });

  results.forEach((r, fi) => {
    const m = ms[fi];
    const text = opts.texts[fi];
    for (const ext of r.standins) {
      const st = analysis.facts[fi].statements.find((s) => s.nodeType === 'CreateExtensionStmt' && new RegExp(`["\\s]${ext}["\\s;]|["\\s]${ext}$`, 'i').test(Buffer.from(text, 'utf8').subarray(s.range.startByte, s.range.endByte).toString('utf8')));
      findings.push({
        code: 'standin-used',
        severity: 'info',
        file: m.path,
        range: st?.range ?? analysis.facts[fi].lineIndex.range(0, 0),
        message: `Extension ${ext} is not in the embedded Postgres; a stand-in was installed (its schemas, types and function signatures, no behaviour), so the migrations that use it are still checked.`,
        related: [],
        fixes: [],
        object: ext,
      });
    }
    if (r.status !== 'failed' || !r.error) {
      migrations.push({ ...base(m), status: r.status === 'skipped' ? 'skipped' : 'ok' });
      return;
    }
    const err = r.error;
    const ext = unavailableExtension(err);
    const missing = missingObject(err);
    const range = errorRange(analysis, fi, text, err, missing);
    if (ext) {
      const f: VerifyFinding = {
        code: 'platform-gap',
        severity: 'warning',
        file: m.path,
        range,
        message: `Extension ${ext} is not available in the embedded Postgres (${opts.postgres}) and has no stand-in; this migration could not be checked past this point. ${pgText(err)}`,
        related: [],
        fixes: [],
        object: ext,
        sqlstate: err.sqlstate,
      };
      findings.push(f);
      rootOf[fi] = f;
      migrations.push({ ...base(m), status: 'failed', sqlstate: err.sqlstate });
      return;
    }
    if (missing) {
      // Created by an earlier migration that applied? Then it is not a cascade (dropped, or a real error).
      const earlierOk = ms.some((_, j) => j < fi && results[j].status === 'ok' && creates(analysis, j, missing));
      let creator = -1;
      if (!earlierOk) for (let j = fi - 1; j >= 0; j--) if (results[j].status === 'failed' && creates(analysis, j, missing)) (creator = j), (j = -1);
      const root = creator >= 0 ? rootOf[creator] : undefined;
      if (root) {
        const f: VerifyFinding = {
          code: 'apply-cascade',
          severity: 'warning',
          file: m.path,
          range,
          message: `Fails only because ${missing.display} is missing: ${ms[creator].name}, which creates it, failed first (fix that one). ${pgText(err)}`,
          related: [{ file: root.file, range: root.range, message: `root failure (${root.sqlstate ?? root.code})` }],
          fixes: [],
          object: missing.display,
          sqlstate: err.sqlstate,
        };
        findings.push(f);
        rootOf[fi] = root;
        migrations.push({ ...base(m), status: 'cascade', sqlstate: err.sqlstate });
        return;
      }
    }
    const related: RelatedInformation[] = [];
    let message = pgText(err);
    let fixes: Finding['fixes'] = [];
    let rename: Finding['rename'];
    if (missing) {
      const sameName = (o: string | undefined) => !!o && (o === missing.display || o.replace(/\(.*$/, '').split('.').pop()!.replace(/"/g, '') === missing.name);
      const statik = analysis.findings.find((x) => x.code === 'forward-reference' && x.file === m.path && sameName(x.object));
      if (statik) {
        message += ` Forward reference confirmed by Postgres: ${statik.message}`;
        related.push(...statik.related);
        fixes = statik.fixes;
        rename = statik.rename;
      } else {
        const later = ms.findIndex((_, j) => j > fi && creates(analysis, j, missing));
        if (later >= 0) message += ` It is created by a later migration, ${ms[later].name}: a forward reference, confirmed by Postgres.`;
      }
    }
    if (err.where) message += ` Context: ${err.where.split('\n')[0]}`;
    const f: VerifyFinding = { code: 'apply-error', severity: 'error', file: m.path, range, message, related, fixes, object: missing?.display, sqlstate: err.sqlstate };
    if (rename) f.rename = rename;
    findings.push(f);
    // what the static analysis did not see: every verify run shows the gaps
    if (!analysis.findings.some((x) => x.file === m.path && x.severity === 'error')) {
      findings.push({
        code: 'not-predicted',
        severity: 'info',
        file: m.path,
        range,
        message: `\`check\` reported no error in this migration, but Postgres fails it (SQLSTATE ${err.sqlstate ?? 'unknown'}): a gap in the static analysis.`,
        related: [],
        fixes: [],
        sqlstate: err.sqlstate,
      });
    }
    rootOf[fi] = f;
    migrations.push({ ...base(m), status: 'failed', sqlstate: err.sqlstate });
  });
  return { migrations, findings };
}
