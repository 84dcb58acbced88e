/**
 * References: turning the name nodes of a statement (RangeVar, TypeName, RoleSpec, dotted name lists,
 * the object names of DROP / COMMENT / GRANT / ALTER … OWNER, `'name'::regclass` strings) into `RefFact`s
 * of the current statement, each with the range where the name is written.
 */
import type { SourceRange } from '../positions';
import { utf8Length } from '../positions';
import type { Node } from '../parser';
import { canonicalTypeName, displayTypeName, parseQualifiedName, SERIAL_TYPES } from '../names';
import type { Namespace } from '../types';
import { qualifierOf, str, strList } from './astNodes';
import type { Extraction, Scope } from './extraction';
import { findName, nameRange } from './nameRanges';

/** A table, view, sequence, … named by a RangeVar; none for a CTE or body-local table. */
export function relationRef(x: Extraction, rv: Node, scope: Scope, via: string, optional = false): number | undefined {
  if (!rv || !rv.relname) return undefined;
  const schema: string | null = rv.schemaname ?? null;
  if (!schema && scope.locals.has(rv.relname)) return undefined;
  const i = x.addRef({ ns: 'relation', schema, name: rv.relname, range: nameRange(x, scope, rv.location), optional, via }, scope);
  x.relationRefs.set(rv, i);
  return i;
}

/** An object named by a dotted name list (`[schema, name]` or `[name]`). */
export function namesRef(x: Extraction, ns: Namespace, names: string[], scope: Scope, range: SourceRange, via: string, optional = false, signature?: string): number | undefined {
  if (!names.length) return undefined;
  const name = names[names.length - 1];
  const schema = qualifierOf(names);
  if (ns === 'relation' && !schema && scope.locals.has(name)) return undefined;
  return x.addRef({ ns, schema, name, range, optional, via, signature }, scope);
}

/** A type name: a reference unless built in; returns its canonical and displayed names. */
export function typeRef(x: Extraction, tn: Node, scope: Scope, via = 'type'): { type: string; display: string } {
  if (!tn || !tn.names) return { type: '', display: '' };
  const names = strList(tn.names);
  const arr = tn.arrayBounds ? '[]'.repeat(tn.arrayBounds.length) : '';
  if (tn.pct_type) {
    // table.column%TYPE or schema.table.column%TYPE
    const rel = names.slice(0, -1);
    if (rel.length) namesRef(x, 'relation', rel, scope, nameRange(x, scope, tn.location), '%TYPE');
    return { type: names.join('.') + '%type', display: names.join('.') + '%TYPE' };
  }
  const last = names[names.length - 1];
  const schema = qualifierOf(names);
  if (schema !== 'pg_catalog' && !(schema === null && SERIAL_TYPES.has(last.toLowerCase()))) {
    namesRef(x, 'type', names, scope, nameRange(x, scope, tn.location), via);
  }
  const canonical = canonicalTypeName(last);
  const mods = (tn.typmods ?? [])
    .map((m: Node) => m?.A_Const?.ival?.ival ?? m?.A_Const?.sval?.sval)
    .filter((v: unknown) => v !== undefined);
  const base = schema && schema !== 'pg_catalog' ? `${schema}.${canonical}` : canonical;
  const shown = schema && schema !== 'pg_catalog' ? `${schema}.${last}` : displayTypeName(canonical);
  return { type: base + arr, display: shown + (mods.length ? `(${mods.join(',')})` : '') + arr };
}

/** Roles named in a RoleSpec list (not PUBLIC, CURRENT_USER, …). */
export function roleRefs(x: Extraction, roles: Node[] | undefined, scope: Scope, via: string): void {
  for (const r of roles ?? []) {
    const spec = r.RoleSpec ?? r;
    if (spec?.roletype === 'ROLESPEC_CSTRING' && spec.rolename) {
      x.addRef({ ns: 'role', schema: null, name: spec.rolename, range: nameRange(x, scope, spec.location), optional: false, via }, scope);
    }
  }
}

/** A trigger or policy, named with the table it belongs to (a RangeVar). */
export function tableMemberRef(x: Extraction, ns: 'trigger' | 'policy', table: Node, name: string, scope: Scope, via: string, optional: boolean): number {
  const schema: string | null = table?.schemaname ?? null;
  return x.addRef({ ns, schema, name, parent: { schema, name: table?.relname }, range: findName(x, name), optional, via }, scope);
}

/** A schema named by a plain string (IN SCHEMA, WITH SCHEMA, SET SCHEMA, …). */
export function schemaRef(x: Extraction, name: string, range: SourceRange, scope: Scope, via: string): number {
  return x.addRef({ ns: 'schema', schema: null, name, range, optional: false, via }, scope);
}

/** `'schema.table'` as a regclass constant (a cast or `nextval('…')`): resolved when the statement runs. */
export function regclassRef(x: Extraction, text: string, loc: number | undefined, scope: Scope): void {
  const names = parseQualifiedName(text);
  if (!names || names.length > 3) return;
  const range = loc != null ? x.range(scope.base + loc + 1, scope.base + loc + 1 + utf8Length(text)) : x.current.range;
  namesRef(x, 'relation', names, scope, range, 'regclass');
}

const OBJTYPE_NS: Record<string, Namespace> = {
  OBJECT_TABLE: 'relation',
  OBJECT_VIEW: 'relation',
  OBJECT_MATVIEW: 'relation',
  OBJECT_SEQUENCE: 'relation',
  OBJECT_INDEX: 'relation',
  OBJECT_FOREIGN_TABLE: 'relation',
  OBJECT_COLUMN: 'relation',
  OBJECT_FUNCTION: 'function',
  OBJECT_PROCEDURE: 'function',
  OBJECT_ROUTINE: 'function',
  OBJECT_AGGREGATE: 'function',
  OBJECT_TYPE: 'type',
  OBJECT_DOMAIN: 'type',
  OBJECT_SCHEMA: 'schema',
  OBJECT_EXTENSION: 'extension',
  OBJECT_TRIGGER: 'trigger',
  OBJECT_POLICY: 'policy',
  OBJECT_ROLE: 'role',
  OBJECT_PUBLICATION: 'publication',
};

/** A reference to an object named the way DROP / COMMENT / GRANT / ALTER … OWNER name it. */
export function objectRef(x: Extraction, objtype: string, obj: Node, scope: Scope, via: string, optional: boolean): number | undefined {
  if (!obj) return undefined;
  const ns = OBJTYPE_NS[objtype];
  if (!ns) return undefined;
  if (obj.ObjectWithArgs) {
    const o = obj.ObjectWithArgs;
    const names = strList(o.objname);
    const sig = o.args_unspecified ? undefined : (o.objargs ?? []).map((a: Node) => typeRef(x, a.TypeName ?? a, scope).type).join(',');
    return namesRef(x, 'function', names, scope, findName(x, names[names.length - 1] ?? ''), via, optional, sig);
  }
  if (obj.TypeName) {
    const names = strList(obj.TypeName.names);
    return namesRef(x, 'type', names, scope, nameRange(x, scope, obj.TypeName.location), via, optional);
  }
  if (obj.String) {
    const name = str(obj) ?? '';
    return x.addRef({ ns, schema: null, name, range: findName(x, name), optional, via }, scope);
  }
  const names = strList(obj.List?.items ?? (Array.isArray(obj) ? obj : []));
  if (!names.length) return undefined;
  if (ns === 'trigger' || ns === 'policy') {
    const tbl = names.slice(0, -1);
    const tschema = qualifierOf(tbl);
    const tname = tbl[tbl.length - 1];
    namesRef(x, 'relation', tbl, scope, findName(x, tname ?? ''), 'ON', optional);
    return x.addRef({ ns, schema: tschema, name: names[names.length - 1], parent: { schema: tschema, name: tname }, range: findName(x, names[names.length - 1]), optional, via }, scope);
  }
  if (objtype === 'OBJECT_COLUMN') {
    const tbl = names.slice(0, -1);
    return namesRef(x, 'relation', tbl, scope, findName(x, tbl[tbl.length - 1] ?? ''), via, optional);
  }
  const last = names[names.length - 1];
  return namesRef(x, ns, names, scope, findName(x, last), via, optional);
}
