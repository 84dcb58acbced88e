/**
 * Facts per statement: what each statement creates, alters, renames and drops, and every object it
 * references, with exact source ranges. The AST is dropped after extraction; only these facts are kept.
 */
import { LineIndex, SourceRange, utf8Length } from './positions';
import { countedAsBody, Node, ParseError, parsePlpgsql, parseSql, RawStatement } from './parser';
import { canonicalTypeName, displayTypeName, parseQualifiedName, SERIAL_TYPES } from './names';
import { splitAndParse, SyntaxProblem } from './split';
import type { Namespace, ObjectKind } from './types';

/** Supabase runs migrations with this search path (`"$user"` resolves to no schema for postgres). */
export const DEFAULT_SEARCH_PATH = ['$user', 'public', 'extensions'];

export interface NameRef {
  schema: string | null;
  name: string;
}

export interface RefFact extends NameRef {
  ns: Namespace;
  /** For triggers and policies: the table they belong to (a relation ref resolved first). */
  parent?: NameRef;
  range: SourceRange;
  /** Search path in force, for unqualified names. */
  path: string[];
  /** Inside a body that Postgres only checks when it runs (PL/pgSQL, or SQL with check_function_bodies off). */
  deferred: boolean;
  /** IF EXISTS: a missing object is not an error. */
  optional: boolean;
  /** How the statement uses it: `FROM`, `REFERENCES`, `ALTER TABLE`, `EXECUTE FUNCTION`, `type`, … */
  via: string;
  /** For functions: the number of arguments at a call, or the argument types of a DROP/ALTER/GRANT. */
  signature?: string;
  /** The timeline's candidate keys for this name (derived from the fields above; filled on first use). */
  keys?: string[];
}

export interface ColumnFact {
  name: string;
  /** Canonical type name for comparisons (`int8`, `uuid`, `public.status`). */
  type: string;
  /** Type as shown to people (`bigint`, `varchar(255)`, `uuid[]`). */
  display: string;
  notNull: boolean;
  primaryKey: boolean;
  /** Inline `REFERENCES`: index of the relation ref in the statement. */
  references?: { ref: number; columns: string[] };
  range: SourceRange;
  /** Byte offset right after the column's type: where a `references …` clause can be inserted. */
  insertAt?: number;
}

export interface ForeignKeyFact {
  columns: string[];
  ref: number;
  refColumns: string[];
}

export interface CreateEffect {
  type: 'create';
  ns: Namespace;
  kind: ObjectKind;
  /** Target schema; for objects with a parent table, filled from the parent when resolved. */
  schema: string;
  name: string;
  /** For triggers, policies, indexes: index of the ref to the table they belong to. */
  parentRef?: number;
  range: SourceRange;
  ifNotExists: boolean;
  orReplace: boolean;
  /** Inside a DO block: may or may not run, and is often guarded by an exception handler. */
  conditional: boolean;
  columns?: ColumnFact[];
  primaryKey?: string[];
  foreignKeys?: ForeignKeyFact[];
  /** Functions: canonical input argument types, comma-separated. */
  signature?: string;
  returns?: string;
  language?: string;
  securityDefiner?: boolean;
  hasSearchPath?: boolean;
}

export interface AlterTableEffect {
  type: 'alter-table';
  ref: number;
  addColumns: ColumnFact[];
  dropColumns: string[];
  renameColumns: [string, string][];
  alterTypes: [string, string, string][];
  foreignKeys: ForeignKeyFact[];
  primaryKey?: string[];
  rowLevelSecurity?: boolean;
}

export type Effect =
  | CreateEffect
  | AlterTableEffect
  | { type: 'drop'; ref: number; cascade: boolean }
  | { type: 'rename'; ref: number; newName?: string; newSchema?: string }
  | { type: 'extension'; name: string; schema: string | null; range: SourceRange; ifNotExists: boolean; path: string[] };

export interface StatementFacts {
  range: SourceRange;
  /** Postgres node type, e.g. `CreateStmt`. */
  nodeType: string;
  refs: RefFact[];
  effects: Effect[];
}

export interface Directive {
  /** 0-based line the directive applies to. */
  line: number | 'file';
  /** Rule codes, or empty for all rules. */
  codes: string[];
}

export interface FileFacts {
  statements: StatementFacts[];
  syntaxErrors: { range: SourceRange; message: string; deferred: boolean }[];
  directives: Directive[];
  lineIndex: LineIndex;
}

export interface ExtractOptions {
  searchPath?: string[];
  /** Column names that should have a foreign key (regexes with one capture group: the table's base name). */
  foreignKeyPatterns?: RegExp[];
}

const decoder = new TextDecoder();

export function extractFacts(text: string, options: ExtractOptions = {}): FileFacts {
  const bytes = Buffer.from(text, 'utf8');
  const lineIndex = new LineIndex(bytes, text);
  const split = splitAndParse(text, bytes);
  const x = new Extractor(bytes, lineIndex, options);
  for (const s of split.statements) x.statement(s.stmt, s.start, s.end, s.base);
  for (const e of split.errors) x.syntaxError(e, false);
  return {
    statements: x.statements,
    syntaxErrors: x.syntaxErrors,
    directives: readDirectives(text),
    lineIndex,
  };
}

const DIRECTIVE = /--\s*supabase-migrations-disable(-next-line|-line|-file)?\b([^\n]*)/g;

/** `-- supabase-migrations-disable-next-line code[, code]`, `-disable-line`, `-disable-file`. */
export function readDirectives(text: string): Directive[] {
  const out: Directive[] = [];
  if (!text.includes('supabase-migrations-disable')) return out;
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, i) => {
    for (const m of line.matchAll(DIRECTIVE)) {
      const codes = m[2].split(/[\s,]+/).map((c) => c.trim()).filter((c) => /^[a-z-]+$/.test(c));
      const kind = m[1] ?? '-file';
      out.push({ line: kind === '-file' ? 'file' : kind === '-line' ? i : i + 1, codes });
    }
  });
  return out;
}

function str(n: Node): string | undefined {
  if (n == null) return undefined;
  if (typeof n === 'string') return n;
  if (n.String) return n.String.sval ?? '';
  if (n.sval !== undefined) return n.sval;
  return undefined;
}

function strList(list: Node[] | undefined): string[] {
  return (list ?? []).map((n) => str(n) ?? '').filter((s) => s !== '');
}

function kindOf(node: Node): [string, Node] {
  const k = Object.keys(node)[0];
  return [k, node[k]];
}

interface Scope {
  /** CTE names and body-local tables: not catalog objects. */
  locals: Set<string>;
  deferred: boolean;
  path: string[];
  /** Byte offset in the file that parser locations inside this fragment are relative to. */
  base: number;
  /** Bytes of the fragment (the whole file, or a function body parsed on its own). */
  bytes: Uint8Array;
  via?: string;
  /** Inside a function body (objects created there are not created by the migration) or a DO block. */
  body?: 'function' | 'do';
  /** In a DO block: the IF conditions around the statement, and whether an exception handler guards it. */
  guard?: { text: string; handled: boolean };
}

class Extractor {
  statements: StatementFacts[] = [];
  syntaxErrors: FileFacts['syntaxErrors'] = [];
  private searchPath: string[];
  private readonly defaultPath: string[];
  private checkFunctionBodies = true;
  private current!: StatementFacts;
  private readonly fkPatterns: RegExp[];

  constructor(
    private readonly bytes: Uint8Array,
    private readonly lines: LineIndex,
    options: ExtractOptions,
  ) {
    this.searchPath = options.searchPath ?? DEFAULT_SEARCH_PATH;
    this.defaultPath = this.searchPath;
    this.fkPatterns = options.foreignKeyPatterns ?? [/^(.+)_id$/];
  }

  syntaxError(e: SyntaxProblem, deferred: boolean): void {
    this.syntaxErrors.push({ range: this.lines.range(e.start, e.end), message: e.message, deferred });
  }

  private range(start: number, end: number): SourceRange {
    return this.lines.range(start, Math.max(start, end));
  }

  private get createSchema(): string {
    return creationSchema(this.searchPath);
  }

  statement(stmt: Node, start: number, end: number, base: number): void {
    const [type, node] = kindOf(stmt);
    this.current = { range: this.range(start, end), nodeType: type, refs: [], effects: [] };
    const scope: Scope = { locals: new Set(), deferred: false, path: this.searchPath, base, bytes: base === 0 ? this.bytes : this.bytes.subarray(base) };
    try {
      this.dispatch(type, node, scope, start, end, false);
    } catch (e) {
      if (e instanceof RangeError) {
        // Pathologically deep nesting: keep what was extracted so far.
      } else throw e;
    }
    // exact-size arrays: a pushed-to array keeps room for 17 elements, and facts live as long as the file
    const c = this.current;
    c.refs = c.refs.length ? c.refs.slice() : [];
    c.effects = c.effects.length ? c.effects.slice() : [];
    this.statements.push(c);
  }

  // ---- references -------------------------------------------------------------------------------

  private addRef(ref: Omit<RefFact, 'path' | 'deferred'> & { path?: string[]; deferred?: boolean }, scope: Scope): number {
    // one object shape for every reference (spreads make V8 create many shapes and slow objects)
    const full: RefFact = {
      ns: ref.ns,
      schema: ref.schema,
      name: ref.name,
      parent: ref.parent,
      range: ref.range,
      path: ref.path ?? scope.path,
      deferred: ref.deferred ?? scope.deferred,
      optional: ref.optional,
      via: ref.via,
      signature: ref.signature,
      keys: undefined,
    };
    this.current.refs.push(full);
    return this.current.refs.length - 1;
  }

  /** Range of a (possibly qualified, possibly quoted) name written at `loc` in the scope's fragment. */
  private nameRange(scope: Scope, loc: number | undefined, fallbackLen = 0): SourceRange {
    if (loc == null || loc < 0) return this.current.range;
    const b = scope.bytes;
    let i = loc;
    const n = b.length;
    for (;;) {
      if (b[i] === 0x22) {
        i++;
        while (i < n && !(b[i] === 0x22 && b[i + 1] !== 0x22)) i += b[i] === 0x22 ? 2 : 1;
        i++;
      } else {
        const s = i;
        while (i < n && (isIdent(b[i]) || b[i] >= 0x80)) i++;
        if (i === s) break;
      }
      let j = i;
      while (j < n && (b[j] === 0x20 || b[j] === 0x0a || b[j] === 0x09 || b[j] === 0x0d)) j++;
      if (b[j] === 0x2e && (isIdent(b[j + 1]) || b[j + 1] === 0x22 || b[j + 1] >= 0x80)) {
        i = j + 1;
        continue;
      }
      break;
    }
    const end = i > loc ? i : loc + fallbackLen;
    return this.range(scope.base + loc, scope.base + end);
  }

  /** The current statement's text, decoded once (names without parser locations are searched in it). */
  private stmtText: { stmt: StatementFacts; text: string; lower: string; ascii: boolean } | undefined;

  private statementText(): { text: string; lower: string; ascii: boolean } {
    if (this.stmtText?.stmt !== this.current) {
      const r = this.current.range;
      const text = decoder.decode(this.bytes.subarray(r.startByte, r.endByte));
      this.stmtText = { stmt: this.current, text, lower: text.toLowerCase(), ascii: text.length === r.endByte - r.startByte };
    }
    return this.stmtText;
  }

  /** Text of a byte range: the current statement's is decoded once. */
  private textOf(start: number, end: number): string {
    const r = this.current.range;
    if (start === r.startByte && end === r.endByte) return this.statementText().text;
    return decoder.decode(this.bytes.subarray(start, end));
  }

  /** Range of the first whole-word occurrence of `name` within the current statement (for nodes without a location). */
  private findName(name: string, from?: number): SourceRange {
    const st = this.current.range;
    const { text, lower, ascii } = this.statementText();
    const toChar = (byte: number) => (ascii ? byte - st.startByte : decoder.decode(this.bytes.subarray(st.startByte, byte)).length);
    const toByte = (ch: number) => st.startByte + (ascii ? ch : utf8Length(text.slice(0, ch)));
    const fromChar = from === undefined || from <= st.startByte ? 0 : toChar(Math.min(from, st.endByte));
    const isWord = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x24 || c >= 0x80;
    let best = -1;
    let len = 0;
    const quoted = `"${name.replace(/"/g, '""')}"`;
    const q = text.indexOf(quoted, fromChar);
    if (q >= 0) {
      best = q;
      len = quoted.length;
    }
    const needle = name.toLowerCase();
    for (let i = lower.indexOf(needle, fromChar); i >= 0 && (best < 0 || i < best); i = lower.indexOf(needle, i + 1)) {
      if ((i > 0 && isWord(lower.charCodeAt(i - 1))) || isWord(lower.charCodeAt(i + needle.length))) continue;
      if (lower.charCodeAt(i - 1) === 0x22) continue; // inside a quoted name: the quoted search covers it
      best = i;
      len = needle.length;
      break;
    }
    if (best < 0) return st;
    const s = toByte(best);
    return this.range(s, s + utf8Length(text.slice(best, best + len)));
  }

  private relationRef(rv: Node, scope: Scope, via: string, optional = false): number | undefined {
    if (!rv || !rv.relname) return undefined;
    const schema: string | null = rv.schemaname ?? null;
    if (!schema && scope.locals.has(rv.relname)) return undefined;
    return this.addRef(
      { ns: 'relation', schema, name: rv.relname, range: this.nameRange(scope, rv.location), optional, via },
      scope,
    );
  }

  private namesRef(ns: Namespace, names: string[], scope: Scope, range: SourceRange, via: string, optional = false, signature?: string): number | undefined {
    if (!names.length) return undefined;
    const name = names[names.length - 1];
    const schema = names.length > 1 ? names[names.length - 2] : null;
    if (ns === 'relation' && !schema && scope.locals.has(name)) return undefined;
    return this.addRef({ ns, schema, name, range, optional, via, signature }, scope);
  }

  private typeRef(tn: Node, scope: Scope, via = 'type'): { type: string; display: string } {
    if (!tn || !tn.names) return { type: '', display: '' };
    const names = strList(tn.names);
    const arr = tn.arrayBounds ? '[]'.repeat(tn.arrayBounds.length) : '';
    if (tn.pct_type) {
      // table.column%TYPE or schema.table.column%TYPE
      const rel = names.slice(0, -1);
      if (rel.length) this.namesRef('relation', rel, scope, this.nameRange(scope, tn.location), '%TYPE');
      return { type: names.join('.') + '%type', display: names.join('.') + '%TYPE' };
    }
    const last = names[names.length - 1];
    const schema = names.length > 1 ? names[names.length - 2] : null;
    if (schema !== 'pg_catalog' && !(schema === null && SERIAL_TYPES.has(last.toLowerCase()))) {
      this.namesRef('type', names, scope, this.nameRange(scope, tn.location), via);
    }
    const canonical = canonicalTypeName(last);
    const mods = (tn.typmods ?? [])
      .map((m: Node) => m?.A_Const?.ival?.ival ?? m?.A_Const?.sval?.sval)
      .filter((v: unknown) => v !== undefined);
    const base = schema && schema !== 'pg_catalog' ? `${schema}.${canonical}` : canonical;
    const shown = schema && schema !== 'pg_catalog' ? `${schema}.${last}` : displayTypeName(canonical);
    return { type: base + arr, display: shown + (mods.length ? `(${mods.join(',')})` : '') + arr };
  }

  private roleRefs(roles: Node[] | undefined, scope: Scope, via: string): void {
    for (const r of roles ?? []) {
      const spec = r.RoleSpec ?? r;
      if (spec?.roletype === 'ROLESPEC_CSTRING' && spec.rolename) {
        this.addRef({ ns: 'role', schema: null, name: spec.rolename, range: this.nameRange(scope, spec.location), optional: false, via }, scope);
      }
    }
  }

  // ---- generic expression / query walk -----------------------------------------------------------

  private walk(node: Node, scope: Scope): void {
    if (node == null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const n of node) this.walk(n, scope);
      return;
    }
    const keys = Object.keys(node);
    // a node is { TypeName: fields }; a capital first letter tells it from a field list
    const c = keys.length === 1 ? keys[0].charCodeAt(0) : 0;
    if (c >= 65 && c <= 90) {
      this.walkNode(keys[0], node[keys[0]], scope);
      return;
    }
    for (const k of keys) this.walk(node[k], scope);
  }

  private walkNode(type: string, n: Node, scope: Scope): void {
    switch (type) {
      case 'RangeVar':
        this.relationRef(n, scope, scope.via ?? 'FROM');
        return;
      case 'FuncCall': {
        const names = strList(n.funcname);
        this.funcCall(names, n, scope);
        this.walk(n.args, scope);
        this.walk(n.agg_order, scope);
        this.walk(n.agg_filter, scope);
        this.walk(n.over, scope);
        return;
      }
      case 'TypeCast': {
        const t = this.typeRef(n.typeName, scope);
        const sval = n.arg?.A_Const?.sval?.sval;
        if (typeof sval === 'string' && t.type === 'regclass') this.regclassRef(sval, n.arg.A_Const.location, scope);
        else this.walk(n.arg, scope);
        return;
      }
      case 'ColumnDef':
        this.typeRef(n.typeName, scope);
        this.walk(n.constraints, scope);
        return;
      case 'SelectStmt':
      case 'InsertStmt':
      case 'UpdateStmt':
      case 'DeleteStmt':
      case 'MergeStmt':
        this.query(type, n, scope);
        return;
      case 'ColumnRef':
      case 'A_Const':
      case 'ParamRef':
        return;
      default:
        for (const k of Object.keys(n)) this.walk(n[k], scope);
    }
  }

  private funcCall(names: string[], n: Node, scope: Scope): void {
    if (!names.length) return;
    const last = names[names.length - 1];
    const schema = names.length > 1 ? names[names.length - 2] : null;
    const args: Node[] = n.args ?? [];
    const range = this.nameRange(scope, n.location);
    this.addRef({ ns: 'function', schema, name: last, range, optional: false, via: 'call', signature: String(args.length) }, scope);
    // nextval('seq'), currval, setval: the string is a regclass resolved when the statement runs.
    if ((last === 'nextval' || last === 'currval' || last === 'setval') && (!schema || schema === 'pg_catalog')) {
      const c = args[0]?.A_Const;
      if (c?.sval?.sval !== undefined) this.regclassRef(c.sval.sval, c.location, scope);
    }
    if (last === 'set_config' && (!schema || schema === 'pg_catalog') && !scope.deferred) {
      const key = args[0]?.A_Const?.sval?.sval;
      const val = args[1]?.A_Const?.sval?.sval;
      if (key === 'search_path' && typeof val === 'string') this.setSearchPath(splitPathValue(val));
      if (key === 'check_function_bodies' && typeof val === 'string') this.checkFunctionBodies = !/^(off|false|0)$/i.test(val);
    }
  }

  private regclassRef(text: string, loc: number | undefined, scope: Scope): void {
    const names = parseQualifiedName(text);
    if (!names || names.length > 3) return;
    const range = loc != null ? this.range(scope.base + loc + 1, scope.base + loc + 1 + utf8Length(text)) : this.current.range;
    this.namesRef('relation', names, scope, range, 'regclass');
  }

  /** SELECT / INSERT / UPDATE / DELETE / MERGE, with CTE scoping. */
  private query(type: string, n: Node, outer: Scope): void {
    let scope = outer;
    const ctes: Node[] = n.withClause?.ctes ?? [];
    if (ctes.length) {
      scope = { ...outer, locals: new Set(outer.locals) };
      for (const c of ctes) if (c.CommonTableExpr?.ctename) scope.locals.add(c.CommonTableExpr.ctename);
    }
    const via = type === 'InsertStmt' ? 'INSERT INTO' : type === 'UpdateStmt' ? 'UPDATE' : type === 'DeleteStmt' ? 'DELETE FROM' : type === 'MergeStmt' ? 'MERGE INTO' : undefined;
    if (via && n.relation) this.relationRef(n.relation, scope, via);
    // one scope for the FROM-like clauses and one for the rest, made when first needed
    let from: Scope | undefined;
    let rest: Scope | undefined;
    for (const k of Object.keys(n)) {
      const v = n[k];
      if (v == null || typeof v !== 'object') continue;
      if (k === 'relation' && via) continue;
      if (k === 'intoClause') continue;
      if (k === 'fromClause' || k === 'usingClause' || k === 'sourceRelation') this.walk(v, (from ??= { ...scope, via: 'FROM' }));
      else this.walk(v, (rest ??= { ...scope, via: undefined }));
    }
  }

  // ---- statements ---------------------------------------------------------------------------------

  private dispatch(type: string, n: Node, scope: Scope, start: number, end: number, conditional: boolean): void {
    switch (type) {
      case 'CreateSchemaStmt':
        if (n.schemaname) {
          this.create(scope, { ns: 'schema', kind: 'schema', schema: '', name: n.schemaname, range: this.findName(n.schemaname), ifNotExists: !!n.if_not_exists, orReplace: false, conditional });
        }
        if (n.authrole) this.roleRefs([n.authrole], scope, 'AUTHORIZATION');
        if (n.schemaElts?.length) {
          // Postgres runs the elements with the new schema in front of the search path: it is where they
          // are created, and the first place their unqualified names are looked up.
          const schema = n.schemaname ?? n.authrole?.rolename ?? creationSchema(this.searchPath);
          const saved = this.searchPath;
          this.searchPath = [schema, ...saved];
          try {
            for (const el of n.schemaElts) {
              const [t, inner] = kindOf(el);
              this.dispatch(t, inner, { ...scope, path: [schema, ...scope.path] }, start, end, conditional);
            }
          } finally {
            this.searchPath = saved;
          }
        }
        return;
      case 'CreateStmt':
        return this.createTable(n, scope, conditional, 'table');
      case 'CreateForeignTableStmt':
        return this.createTable(n.base, scope, conditional, 'foreign table');
      case 'ViewStmt': {
        const rv = n.view;
        this.create(scope, {
          ns: 'relation',
          kind: 'view',
          schema: rv.schemaname ?? this.createSchema,
          name: rv.relname,
          range: this.nameRange(scope, rv.location),
          ifNotExists: false,
          orReplace: !!n.replace,
          conditional,
        });
        this.walk(n.query, scope);
        return;
      }
      case 'CreateTableAsStmt': {
        const rv = n.into?.rel;
        const kind: ObjectKind = n.objtype === 'OBJECT_MATVIEW' ? 'materialized view' : 'table';
        if (rv) {
          this.create(scope, {
            ns: 'relation',
            kind,
            schema: rv.schemaname ?? this.createSchema,
            name: rv.relname,
            range: this.nameRange(scope, rv.location),
            ifNotExists: !!n.if_not_exists,
            orReplace: false,
            conditional,
          });
        }
        this.walk(n.query, scope);
        return;
      }
      case 'RefreshMatViewStmt':
        this.relationRef(n.relation, scope, 'REFRESH MATERIALIZED VIEW');
        return;
      case 'CreateFunctionStmt':
        return this.createFunction(n, scope, start, end, conditional);
      case 'DoStmt':
        return countedAsBody(() => this.doBlock(n, scope, start, end));
      case 'CreateTrigStmt': {
        const parentRef = this.relationRef(n.relation, scope, 'ON');
        this.create(scope, {
          ns: 'trigger',
          kind: 'trigger',
          schema: '',
          name: n.trigname,
          parentRef,
          range: this.findName(n.trigname),
          ifNotExists: false,
          orReplace: !!n.replace,
          conditional,
        });
        const fn = strList(n.funcname);
        this.namesRef('function', fn, scope, this.findName(fn[fn.length - 1], this.afterKeyword('function') ?? this.afterKeyword('procedure')), 'EXECUTE FUNCTION', false);
        this.walk(n.whenClause, scope);
        return;
      }
      case 'CreateEventTrigStmt': {
        const fn = strList(n.funcname);
        this.namesRef('function', fn, scope, this.findName(fn[fn.length - 1], this.afterKeyword('function') ?? this.afterKeyword('procedure')), 'EXECUTE FUNCTION');
        return;
      }
      case 'CreatePolicyStmt': {
        const parentRef = this.relationRef(n.table, scope, 'ON');
        this.create(scope, {
          ns: 'policy',
          kind: 'policy',
          schema: '',
          name: n.policy_name,
          parentRef,
          range: this.findName(n.policy_name),
          ifNotExists: false,
          orReplace: false,
          conditional,
        });
        this.roleRefs(n.roles, scope, 'TO');
        this.walk(n.qual, scope);
        this.walk(n.with_check, scope);
        return;
      }
      case 'AlterPolicyStmt': {
        this.relationRef(n.table, scope, 'ON');
        this.addRef({ ns: 'policy', schema: n.table?.schemaname ?? null, name: n.policy_name, parent: { schema: n.table?.schemaname ?? null, name: n.table?.relname }, range: this.findName(n.policy_name), optional: false, via: 'ALTER POLICY' }, scope);
        this.roleRefs(n.roles, scope, 'TO');
        this.walk(n.qual, scope);
        this.walk(n.with_check, scope);
        return;
      }
      case 'IndexStmt': {
        const parentRef = this.relationRef(n.relation, scope, 'ON');
        if (n.idxname) {
          this.create(scope, {
            ns: 'relation',
            kind: 'index',
            schema: '',
            name: n.idxname,
            parentRef,
            range: this.findName(n.idxname),
            ifNotExists: !!n.if_not_exists,
            orReplace: false,
            conditional,
          });
        }
        for (const p of n.indexParams ?? []) this.walk(p.IndexElem?.expr, scope);
        this.walk(n.whereClause, scope);
        return;
      }
      case 'CreateEnumStmt':
      case 'CreateRangeStmt': {
        const names = strList(n.typeName);
        const name = names[names.length - 1];
        this.create(scope, {
          ns: 'type',
          kind: type === 'CreateEnumStmt' ? 'enum' : 'range type',
          schema: names.length > 1 ? names[names.length - 2] : this.createSchema,
          name,
          range: this.findName(name),
          ifNotExists: false,
          orReplace: false,
          conditional,
        });
        if (type === 'CreateRangeStmt') this.walk(n.params, scope);
        return;
      }
      case 'CompositeTypeStmt': {
        const rv = n.typevar;
        this.create(scope, {
          ns: 'type',
          kind: 'composite type',
          schema: rv.schemaname ?? this.createSchema,
          name: rv.relname,
          range: this.nameRange(scope, rv.location),
          ifNotExists: false,
          orReplace: false,
          conditional,
        });
        this.walk(n.coldeflist, scope);
        return;
      }
      case 'CreateDomainStmt': {
        const names = strList(n.domainname);
        const name = names[names.length - 1];
        this.create(scope, {
          ns: 'type',
          kind: 'domain',
          schema: names.length > 1 ? names[names.length - 2] : this.createSchema,
          name,
          range: this.findName(name),
          ifNotExists: false,
          orReplace: false,
          conditional,
        });
        this.typeRef(n.typeName, scope);
        this.walk(n.constraints, scope);
        return;
      }
      case 'DefineStmt': {
        const names = strList(n.defnames);
        const name = names[names.length - 1];
        if (n.kind === 'OBJECT_AGGREGATE' || n.kind === 'OBJECT_TYPE') {
          this.create(scope, {
            ns: n.kind === 'OBJECT_AGGREGATE' ? 'function' : 'type',
            kind: n.kind === 'OBJECT_AGGREGATE' ? 'aggregate' : 'type',
            schema: names.length > 1 ? names[names.length - 2] : this.createSchema,
            name,
            range: this.findName(name),
            ifNotExists: !!n.if_not_exists,
            orReplace: !!n.replace,
            conditional,
          });
        }
        return;
      }
      case 'CreateSeqStmt': {
        const rv = n.sequence;
        this.create(scope, {
          ns: 'relation',
          kind: 'sequence',
          schema: rv.schemaname ?? this.createSchema,
          name: rv.relname,
          range: this.nameRange(scope, rv.location),
          ifNotExists: !!n.if_not_exists,
          orReplace: false,
          conditional,
        });
        return;
      }
      case 'AlterSeqStmt':
        this.relationRef(n.sequence, scope, 'ALTER SEQUENCE', !!n.missing_ok);
        return;
      case 'CreateExtensionStmt': {
        const schemaOpt = (n.options ?? []).find((o: Node) => o.DefElem?.defname === 'schema');
        this.current.effects.push({
          type: 'extension',
          name: n.extname,
          schema: schemaOpt ? str(schemaOpt.DefElem.arg) ?? null : null,
          range: this.findName(n.extname),
          ifNotExists: !!n.if_not_exists,
          path: scope.path,
        });
        if (schemaOpt) {
          const s = str(schemaOpt.DefElem.arg);
          if (s) this.addRef({ ns: 'schema', schema: null, name: s, range: this.nameRange(scope, schemaOpt.DefElem.location), optional: false, via: 'WITH SCHEMA' }, scope);
        }
        return;
      }
      case 'CreateRoleStmt':
        this.create(scope, { ns: 'role', kind: 'role', schema: '', name: n.role, range: this.findName(n.role), ifNotExists: false, orReplace: false, conditional });
        return;
      case 'GrantRoleStmt':
        for (const g of n.granted_roles ?? []) {
          const ap = g.AccessPriv;
          if (ap?.priv_name) this.addRef({ ns: 'role', schema: null, name: ap.priv_name, range: this.findName(ap.priv_name), optional: false, via: 'GRANT' }, scope);
        }
        this.roleRefs(n.grantee_roles, scope, 'TO');
        return;
      case 'AlterRoleStmt':
        if (n.role?.roletype === 'ROLESPEC_CSTRING') this.roleRefs([n.role], scope, 'ALTER ROLE');
        return;
      case 'CreatePublicationStmt':
        this.create(scope, { ns: 'publication', kind: 'publication', schema: '', name: n.pubname, range: this.findName(n.pubname), ifNotExists: false, orReplace: false, conditional });
        this.publicationObjects(n.pubobjects, scope);
        return;
      case 'AlterPublicationStmt':
        this.addRef({ ns: 'publication', schema: null, name: n.pubname, range: this.findName(n.pubname), optional: false, via: 'ALTER PUBLICATION' }, scope);
        this.publicationObjects(n.pubobjects, scope);
        return;
      case 'GrantStmt':
        return this.grant(n, scope);
      case 'AlterDefaultPrivilegesStmt':
        for (const o of n.options ?? []) {
          const d = o.DefElem;
          if (d?.defname === 'schemas') for (const s of d.arg?.List?.items ?? []) this.addRef({ ns: 'schema', schema: null, name: str(s) ?? '', range: this.findName(str(s) ?? ''), optional: false, via: 'IN SCHEMA' }, scope);
          if (d?.defname === 'roles') this.roleRefs(d.arg?.List?.items, scope, 'FOR ROLE');
        }
        if (n.action?.grantees) this.roleRefs(n.action.grantees, scope, 'TO');
        return;
      case 'CommentStmt':
        this.objectRef(n.objtype, n.object, scope, 'COMMENT ON', false);
        return;
      case 'AlterOwnerStmt':
        if (n.relation) this.relationRef(n.relation, scope, 'ALTER', false);
        else this.objectRef(n.objectType, n.object, scope, 'ALTER', false);
        this.roleRefs([n.newowner], scope, 'OWNER TO');
        return;
      case 'AlterFunctionStmt':
        this.objectRef(n.objtype ?? 'OBJECT_FUNCTION', { ObjectWithArgs: n.func }, scope, 'ALTER FUNCTION', false);
        return;
      case 'AlterTableStmt':
        return this.alterTable(n, scope);
      case 'RenameStmt':
        return this.rename(n, scope);
      case 'AlterObjectSchemaStmt': {
        const ref = n.relation
          ? this.relationRef(n.relation, scope, 'SET SCHEMA', !!n.missing_ok)
          : this.objectRef(n.objectType, n.object, scope, 'SET SCHEMA', !!n.missing_ok);
        if (ref !== undefined) this.current.effects.push({ type: 'rename', ref, newSchema: n.newschema });
        this.addRef({ ns: 'schema', schema: null, name: n.newschema, range: this.findName(n.newschema, this.afterKeyword('schema')), optional: false, via: 'SET SCHEMA' }, scope);
        return;
      }
      case 'DropStmt':
        return this.drop(n, scope);
      case 'AlterEnumStmt': {
        const names = strList(n.typeName);
        this.namesRef('type', names, scope, this.findName(names[names.length - 1] ?? ''), 'ALTER TYPE');
        return;
      }
      case 'AlterDomainStmt': {
        const names = strList(n.typeName);
        this.namesRef('type', names, scope, this.findName(names[names.length - 1] ?? ''), 'ALTER DOMAIN');
        this.walk(n.def, scope);
        return;
      }
      case 'VariableSetStmt':
        if (n.kind === 'VAR_RESET_ALL') {
          this.setSearchPath(this.defaultPath);
          this.checkFunctionBodies = true;
        } else if (n.name === 'search_path') {
          if (n.kind === 'VAR_SET_VALUE') this.setSearchPath((n.args ?? []).map((a: Node) => a.A_Const?.sval?.sval ?? str(a) ?? '').filter((s: string) => s !== ''));
          else this.setSearchPath(this.defaultPath);
        } else if (n.name === 'check_function_bodies') {
          const v = n.args?.[0]?.A_Const;
          const val = v?.sval?.sval ?? v?.boolval?.boolval;
          this.checkFunctionBodies = n.kind !== 'VAR_SET_VALUE' || !(val === false || /^(off|false|0)$/i.test(String(val)));
        }
        return;
      case 'CallStmt':
        this.walk(n.funccall ? { FuncCall: n.funccall } : undefined, scope);
        return;
      case 'TruncateStmt':
        for (const r of n.relations ?? []) this.relationRef(r.RangeVar, scope, 'TRUNCATE');
        return;
      case 'LockStmt':
        for (const r of n.relations ?? []) this.relationRef(r.RangeVar, scope, 'LOCK');
        return;
      case 'RuleStmt':
        this.relationRef(n.relation, scope, 'ON');
        this.walk(n.actions, scope);
        this.walk(n.whereClause, scope);
        return;
      case 'CreateStatsStmt':
        this.walk(n.relations, scope);
        return;
      case 'SelectStmt':
      case 'InsertStmt':
      case 'UpdateStmt':
      case 'DeleteStmt':
      case 'MergeStmt':
        if (type === 'SelectStmt' && n.intoClause?.rel) {
          const rv = n.intoClause.rel;
          this.create(scope, { ns: 'relation', kind: 'table', schema: rv.schemaname ?? this.createSchema, name: rv.relname, range: this.nameRange(scope, rv.location), ifNotExists: false, orReplace: false, conditional });
        }
        this.query(type, n, scope);
        return;
      case 'ExplainStmt':
        return;
      default:
        // Statements without object references we track (transactions, SET, NOTIFY, …).
        return;
    }
  }

  private afterKeyword(word: string): number | undefined {
    const st = this.current.range;
    const { text } = this.statementText();
    const m = new RegExp(`\\b${word}\\b`, 'i').exec(text);
    return m ? st.startByte + utf8Length(text.slice(0, m.index + m[0].length)) : undefined;
  }

  private setSearchPath(path: string[]): void {
    this.searchPath = path.map((p) => p.trim()).filter((p) => p !== '');
  }

  /** Record what a statement creates; returns the effect, or undefined where nothing is created (a function body). */
  private create(scope: Scope, e: Omit<CreateEffect, 'type'>): CreateEffect | undefined {
    if (scope.deferred && e.ns === 'relation') scope.locals.add(e.name);
    // A function body creates nothing until it is called.
    if (scope.body === 'function') return undefined;
    // In a DO block, a CREATE is guarded when an exception handler catches it or an IF checks for it.
    const conditional = scope.guard ? scope.guard.handled || scope.guard.text.toLowerCase().includes(e.name.toLowerCase()) : e.conditional;
    const effect: CreateEffect = {
      type: 'create',
      ns: e.ns,
      kind: e.kind,
      schema: e.schema,
      name: e.name,
      parentRef: e.parentRef,
      range: e.range,
      ifNotExists: e.ifNotExists,
      orReplace: e.orReplace,
      conditional,
      columns: e.columns,
      primaryKey: e.primaryKey,
      foreignKeys: e.foreignKeys,
      signature: e.signature,
      returns: e.returns,
      language: e.language,
      securityDefiner: e.securityDefiner,
      hasSearchPath: e.hasSearchPath,
    };
    this.current.effects.push(effect);
    if ((e.ns === 'relation' || e.ns === 'type' || e.ns === 'function') && e.schema && e.schema !== 'pg_temp') this.schemaOfName(e.schema, e.range, scope);
    return effect;
  }

  /** A schema written as the qualifier of a created object's name is a reference to that schema. */
  private schemaOfName(schema: string, range: SourceRange, scope: Scope): void {
    const b = this.bytes;
    let i = range.startByte;
    let end: number;
    if (b[i] === 0x22) {
      i++;
      while (i < range.endByte && !(b[i] === 0x22 && b[i + 1] !== 0x22)) i += b[i] === 0x22 ? 2 : 1;
      end = i + 1;
    } else {
      while (i < range.endByte && b[i] !== 0x2e && b[i] !== 0x20) i++;
      end = i;
    }
    const written = decoder.decode(b.subarray(range.startByte, end)).replace(/^"|"$/g, '').replace(/""/g, '"');
    if (written.toLowerCase() !== schema.toLowerCase() || b[end] !== 0x2e) return; // unqualified as written
    this.addRef({ ns: 'schema', schema: null, name: schema, range: this.range(range.startByte, end), optional: false, via: 'CREATE' }, scope);
  }

  private publicationObjects(objs: Node[] | undefined, scope: Scope): void {
    for (const o of objs ?? []) {
      const spec = o.PublicationObjSpec;
      if (spec?.pubtable?.relation) this.relationRef(spec.pubtable.relation, scope, 'PUBLICATION');
      if (spec?.name) this.addRef({ ns: 'schema', schema: null, name: spec.name, range: this.nameRange(scope, spec.location), optional: false, via: 'TABLES IN SCHEMA' }, scope);
    }
  }

  // ---- CREATE TABLE -------------------------------------------------------------------------------

  private column(cd: Node, scope: Scope, pendingRefs: { col: ColumnFact; node: Node }[]): ColumnFact {
    const t = this.typeRef(cd.typeName, scope);
    const col: ColumnFact = {
      name: cd.colname,
      type: t.type,
      display: t.display,
      notNull: false,
      primaryKey: false,
      range: this.nameRange(scope, cd.location),
    };
    for (const c of cd.constraints ?? []) {
      const con = c.Constraint;
      if (!con) continue;
      if (con.contype === 'CONSTR_NOTNULL') col.notNull = true;
      else if (con.contype === 'CONSTR_PRIMARY') {
        col.primaryKey = true;
        col.notNull = true;
      } else if (con.contype === 'CONSTR_FOREIGN') {
        const ref = this.relationRef(con.pktable, scope, 'REFERENCES');
        if (ref !== undefined) col.references = { ref, columns: strList(con.pk_attrs) };
      } else if (con.contype === 'CONSTR_IDENTITY') col.notNull = true;
      else this.walk(con.raw_expr ?? con.cooked_expr, scope);
    }
    if (!col.references && this.fkPatterns.some((p) => p.test(col.name))) pendingRefs.push({ col, node: cd });
    return col;
  }

  private createTable(n: Node, scope: Scope, conditional: boolean, kind: ObjectKind): void {
    const rv = n.relation;
    const temp = rv.relpersistence === 't';
    const columns: ColumnFact[] = [];
    const foreignKeys: ForeignKeyFact[] = [];
    let primaryKey: string[] | undefined;
    const pending: { col: ColumnFact; node: Node }[] = [];
    const created = this.create(scope, {
      ns: 'relation',
      kind: n.partspec ? 'partitioned table' : kind,
      schema: temp ? 'pg_temp' : rv.schemaname ?? this.createSchema,
      name: rv.relname,
      range: this.nameRange(scope, rv.location),
      ifNotExists: !!n.if_not_exists,
      orReplace: false,
      conditional,
      columns,
      foreignKeys,
    });
    if (temp) scope.locals.add(rv.relname);
    for (const el of n.tableElts ?? []) {
      if (el.ColumnDef) {
        const col = this.column(el.ColumnDef, scope, pending);
        columns.push(col);
        if (col.primaryKey) primaryKey = [col.name];
      } else if (el.Constraint) {
        const c = el.Constraint;
        if (c.contype === 'CONSTR_PRIMARY') primaryKey = strList(c.keys);
        else if (c.contype === 'CONSTR_FOREIGN') {
          const ref = this.relationRef(c.pktable, scope, 'REFERENCES');
          if (ref !== undefined) foreignKeys.push({ columns: strList(c.fk_attrs), ref, refColumns: strList(c.pk_attrs) });
        } else this.walk(c.raw_expr, scope);
      } else if (el.TableLikeClause) {
        this.relationRef(el.TableLikeClause.relation, scope, 'LIKE');
      }
    }
    for (const inh of n.inhRelations ?? []) this.relationRef(inh.RangeVar, scope, n.partbound ? 'PARTITION OF' : 'INHERITS');
    if (n.ofTypename) this.typeRef(n.ofTypename, scope, 'OF');
    if (primaryKey) {
      // (none inside a function body: it creates nothing until the function runs)
      if (created) created.primaryKey = primaryKey;
      for (const c of columns) if (primaryKey.includes(c.name)) c.notNull = true;
    }
    if (pending.length) this.computeInsertPoints(pending);
  }

  /** Where a `references …` clause can go for each column: right after its type. */
  private computeInsertPoints(pending: { col: ColumnFact; node: Node }[]): void {
    for (const { col } of pending) {
      const start = col.range.endByte;
      // skip whitespace, then the type: identifiers, dots, quotes, parens with typmods, brackets.
      const b = this.bytes;
      let i = start;
      const end = this.current.range.endByte;
      const skipWs = () => {
        while (i < end && (b[i] === 0x20 || b[i] === 0x09 || b[i] === 0x0a || b[i] === 0x0d)) i++;
      };
      skipWs();
      let last = i;
      let depth = 0;
      while (i < end) {
        const c = b[i];
        if (c === 0x28 || c === 0x5b) depth++;
        else if (c === 0x29 || c === 0x5d) {
          if (depth === 0) break;
          depth--;
        } else if (c === 0x2c && depth === 0) break;
        else if (depth === 0 && (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d)) {
          // a multi-word type (double precision, timestamp with time zone, character varying)
          let j = i;
          while (j < end && (b[j] === 0x20 || b[j] === 0x09 || b[j] === 0x0a || b[j] === 0x0d)) j++;
          const rest = decoder.decode(b.subarray(j, Math.min(end, j + 40))).toLowerCase();
          if (/^(precision|varying|with time zone|without time zone|with|time|zone|\(|\[)/.test(rest)) {
            i = j;
            continue;
          }
          break;
        }
        i++;
        if (depth === 0) last = i;
      }
      col.insertAt = last;
    }
  }

  // ---- ALTER TABLE / RENAME / DROP ----------------------------------------------------------------

  private alterTable(n: Node, scope: Scope): void {
    const kind = n.objtype ?? 'OBJECT_TABLE';
    const ref = this.relationRef(n.relation, scope, kind === 'OBJECT_TABLE' ? 'ALTER TABLE' : 'ALTER', !!n.missing_ok);
    if (ref === undefined) return;
    const effect: AlterTableEffect = { type: 'alter-table', ref, addColumns: [], dropColumns: [], renameColumns: [], alterTypes: [], foreignKeys: [] };
    const pending: { col: ColumnFact; node: Node }[] = [];
    for (const c of n.cmds ?? []) {
      const cmd = c.AlterTableCmd;
      if (!cmd) continue;
      switch (cmd.subtype) {
        case 'AT_AddColumn':
          if (cmd.def?.ColumnDef) effect.addColumns.push(this.column(cmd.def.ColumnDef, scope, pending));
          break;
        case 'AT_DropColumn':
          if (cmd.name) effect.dropColumns.push(cmd.name);
          break;
        case 'AT_AlterColumnType': {
          const t = this.typeRef(cmd.def?.ColumnDef?.typeName, scope);
          if (cmd.name) effect.alterTypes.push([cmd.name, t.type, t.display]);
          this.walk(cmd.def?.ColumnDef?.raw_default, scope);
          break;
        }
        case 'AT_AddConstraint': {
          const con = cmd.def?.Constraint;
          if (con?.contype === 'CONSTR_FOREIGN') {
            const r = this.relationRef(con.pktable, scope, 'REFERENCES');
            if (r !== undefined) effect.foreignKeys.push({ columns: strList(con.fk_attrs), ref: r, refColumns: strList(con.pk_attrs) });
          } else if (con?.contype === 'CONSTR_PRIMARY') effect.primaryKey = strList(con.keys);
          else if (con) this.walk(con.raw_expr, scope);
          break;
        }
        case 'AT_EnableRowSecurity':
        case 'AT_ForceRowSecurity':
          effect.rowLevelSecurity = true;
          break;
        case 'AT_DisableRowSecurity':
          effect.rowLevelSecurity = false;
          break;
        case 'AT_ChangeOwner':
          this.roleRefs([cmd.newowner], scope, 'OWNER TO');
          break;
        case 'AT_AttachPartition':
          this.relationRef(cmd.def?.PartitionCmd?.name, scope, 'ATTACH PARTITION');
          break;
        default:
          this.walk(cmd.def, scope);
      }
    }
    if (pending.length) this.computeInsertPoints(pending);
    this.current.effects.push(effect);
  }

  private rename(n: Node, scope: Scope): void {
    const t: string = n.renameType;
    if (t === 'OBJECT_COLUMN' || t === 'OBJECT_ATTRIBUTE') {
      const ref = this.relationRef(n.relation, scope, 'ALTER TABLE', !!n.missing_ok);
      if (ref !== undefined) this.current.effects.push({ type: 'alter-table', ref, addColumns: [], dropColumns: [], renameColumns: [[n.subname, n.newname]], alterTypes: [], foreignKeys: [] });
      return;
    }
    if (t === 'OBJECT_TABCONSTRAINT') {
      this.relationRef(n.relation, scope, 'ALTER TABLE', !!n.missing_ok);
      return;
    }
    if (t === 'OBJECT_POLICY' || t === 'OBJECT_TRIGGER') {
      this.relationRef(n.relation, scope, 'ON', !!n.missing_ok);
      const ref = this.addRef({
        ns: t === 'OBJECT_POLICY' ? 'policy' : 'trigger',
        schema: n.relation?.schemaname ?? null,
        name: n.subname,
        parent: { schema: n.relation?.schemaname ?? null, name: n.relation?.relname },
        range: this.findName(n.subname),
        optional: !!n.missing_ok,
        via: 'RENAME',
      }, scope);
      this.current.effects.push({ type: 'rename', ref, newName: n.newname });
      return;
    }
    const ref = n.relation ? this.relationRef(n.relation, scope, 'RENAME', !!n.missing_ok) : this.objectRef(t, n.object, scope, 'RENAME', !!n.missing_ok);
    if (ref !== undefined) this.current.effects.push({ type: 'rename', ref, newName: n.newname });
  }

  private drop(n: Node, scope: Scope): void {
    const cascade = n.behavior === 'DROP_CASCADE';
    for (const obj of n.objects ?? []) {
      const ref = this.objectRef(n.removeType, obj, scope, 'DROP', !!n.missing_ok);
      if (ref !== undefined) this.current.effects.push({ type: 'drop', ref, cascade });
    }
  }

  /** A reference to an object named the way DROP / COMMENT / GRANT / ALTER … OWNER name it. */
  private objectRef(objtype: string, obj: Node, scope: Scope, via: string, optional: boolean): number | undefined {
    if (!obj) return undefined;
    const ns = OBJTYPE_NS[objtype];
    if (!ns) return undefined;
    if (obj.ObjectWithArgs) {
      const o = obj.ObjectWithArgs;
      const names = strList(o.objname);
      const sig = o.args_unspecified ? undefined : (o.objargs ?? []).map((a: Node) => this.typeRef(a.TypeName ?? a, scope).type).join(',');
      return this.namesRef('function', names, scope, this.findName(names[names.length - 1] ?? ''), via, optional, sig);
    }
    if (obj.TypeName) {
      const names = strList(obj.TypeName.names);
      return this.namesRef('type', names, scope, this.nameRange(scope, obj.TypeName.location), via, optional);
    }
    if (obj.String) {
      const name = str(obj) ?? '';
      return this.addRef({ ns, schema: null, name, range: this.findName(name), optional, via }, scope);
    }
    const names = strList(obj.List?.items ?? (Array.isArray(obj) ? obj : []));
    if (!names.length) return undefined;
    if (ns === 'trigger' || ns === 'policy') {
      const tbl = names.slice(0, -1);
      const tschema = tbl.length > 1 ? tbl[tbl.length - 2] : null;
      const tname = tbl[tbl.length - 1];
      this.namesRef('relation', tbl, scope, this.findName(tname ?? ''), 'ON', optional);
      return this.addRef({ ns, schema: tschema, name: names[names.length - 1], parent: { schema: tschema, name: tname }, range: this.findName(names[names.length - 1]), optional, via }, scope);
    }
    if (objtype === 'OBJECT_COLUMN') {
      const tbl = names.slice(0, -1);
      return this.namesRef('relation', tbl, scope, this.findName(tbl[tbl.length - 1] ?? ''), via, optional);
    }
    const last = names[names.length - 1];
    return this.namesRef(ns, names, scope, this.findName(last), via, optional);
  }

  private grant(n: Node, scope: Scope): void {
    this.roleRefs(n.grantees, scope, n.is_grant ? 'TO' : 'FROM');
    if (n.targtype === 'ACL_TARGET_ALL_IN_SCHEMA') {
      for (const s of n.objects ?? []) {
        const name = str(s) ?? '';
        this.addRef({ ns: 'schema', schema: null, name, range: this.findName(name, this.afterKeyword('schema')), optional: false, via: 'IN SCHEMA' }, scope);
      }
      return;
    }
    if (n.targtype !== 'ACL_TARGET_OBJECT') return;
    for (const o of n.objects ?? []) {
      if (o.RangeVar) this.relationRef(o.RangeVar, scope, n.is_grant ? 'GRANT ON' : 'REVOKE ON');
      else this.objectRef(n.objtype, o, scope, n.is_grant ? 'GRANT ON' : 'REVOKE ON', false);
    }
  }

  // ---- functions and bodies -----------------------------------------------------------------------

  private createFunction(n: Node, scope: Scope, start: number, end: number, conditional: boolean): void {
    const names = strList(n.funcname);
    const name = names[names.length - 1];
    const schema = names.length > 1 ? names[names.length - 2] : this.createSchema;
    const opts: Record<string, Node> = {};
    for (const o of n.options ?? []) if (o.DefElem) opts[o.DefElem.defname] = o.DefElem;
    const language = (str(opts.language?.arg) ?? (n.sql_body ? 'sql' : 'sql')).toLowerCase();
    const inputs: string[] = [];
    const paramNames: string[] = [];
    for (const p of n.parameters ?? []) {
      const fp = p.FunctionParameter;
      if (!fp) continue;
      const t = this.typeRef(fp.argType, scope);
      if (fp.mode !== 'FUNC_PARAM_OUT' && fp.mode !== 'FUNC_PARAM_TABLE') inputs.push(t.type);
      if (fp.name) paramNames.push(fp.name);
      this.walk(fp.defexpr, scope);
    }
    let returns = '';
    if (n.returnType) returns = (n.returnType.setof ? 'setof ' : '') + this.typeRef(n.returnType, scope, 'RETURNS').display;
    const setItems: Node[] = [];
    for (const o of n.options ?? []) if (o.DefElem?.defname === 'set') setItems.push(o.DefElem.arg?.VariableSetStmt);
    const spItem = setItems.find((s) => s?.name === 'search_path');
    // A body checked only when it runs resolves names with the caller's search path (the default one),
    // not with whatever the migration had set (pg_dump sets it to '' for the dump itself).
    const deferredBody = scope.deferred || language === 'plpgsql' || !this.checkFunctionBodies;
    let bodyPath = deferredBody ? this.defaultPath : scope.path;
    if (spItem) bodyPath = spItem.kind === 'VAR_SET_VALUE' ? (spItem.args ?? []).map((a: Node) => a.A_Const?.sval?.sval ?? str(a) ?? '').flatMap(splitPathValue) : this.defaultPath;
    this.create(scope, {
      ns: 'function',
      kind: n.is_procedure ? 'procedure' : 'function',
      schema,
      name,
      range: this.findName(name),
      ifNotExists: false,
      orReplace: !!n.replace,
      conditional,
      signature: inputs.join(','),
      returns,
      language,
      securityDefiner: opts.security ? !!(opts.security.arg?.Boolean?.boolval ?? opts.security.arg?.boolval) : false,
      hasSearchPath: !!spItem,
    });
    const bodyScope: Scope = { ...scope, path: bodyPath, locals: new Set(scope.locals) };
    if (n.sql_body) {
      // BEGIN ATOMIC / RETURN: parsed with the statement, checked at creation.
      this.walk(n.sql_body, bodyScope);
      return;
    }
    const asItems: Node[] = opts.as?.arg?.List?.items ?? [];
    if (asItems.length !== 1) return; // C functions: obj_file, link_symbol
    const body = str(asItems[0]) ?? '';
    const bodyStart = this.locateBody(body, start, end);
    if (language === 'sql') {
      countedAsBody(() => this.sqlBody(body, bodyStart, { ...bodyScope, deferred: scope.deferred || !this.checkFunctionBodies, body: 'function' }));
    } else if (language === 'plpgsql') {
      countedAsBody(() => this.plpgsqlBody(this.textOf(start, end), body, bodyStart, { ...bodyScope, deferred: true, body: 'function' }));
    }
  }

  /** Byte offset where a function body string starts in the file (inside its quotes), or -1. */
  private locateBody(body: string, start: number, end: number): number {
    const stmt = this.textOf(start, end);
    // Dollar-quoted bodies appear verbatim; quoted ones only when they contain no doubled quotes.
    let idx = -1;
    for (const m of stmt.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)?\$/g)) {
      const open = m.index! + m[0].length;
      if (stmt.startsWith(body, open) && stmt.startsWith(m[0], open + body.length)) {
        idx = open;
        break;
      }
    }
    if (idx < 0) {
      const q = stmt.indexOf(`'${body}'`);
      if (q >= 0) idx = q + 1;
    }
    return idx < 0 ? -1 : start + utf8Length(stmt.slice(0, idx));
  }

  private sqlBody(body: string, bodyStart: number, scope: Scope): void {
    if (bodyStart < 0 || body.trim() === '') return;
    const bodyBytes = Buffer.from(body, 'utf8');
    // Statement by statement with recovery, so that one error does not hide the rest of the body.
    const split = splitAndParse(body, bodyBytes);
    for (const err of split.errors) this.syntaxError({ start: bodyStart + err.start, end: bodyStart + err.end, message: err.message }, scope.deferred);
    for (const s of split.statements) {
      const inner: Scope = { ...scope, base: bodyStart + s.base, bytes: bodyBytes.subarray(s.base) };
      const [t, node] = kindOf(s.stmt);
      if (t === 'SelectStmt' || t === 'InsertStmt' || t === 'UpdateStmt' || t === 'DeleteStmt' || t === 'MergeStmt') this.query(t, node, inner);
      else this.walk(s.stmt, inner);
    }
  }

  private plpgsqlBody(stmtText: string, body: string, bodyStart: number, scope: Scope): void {
    let funcs: Node[];
    try {
      funcs = parsePlpgsql(stmtText);
    } catch (e) {
      if (e instanceof ParseError && bodyStart >= 0 && reportablePlpgsqlError(e.message)) {
        this.syntaxError({ start: bodyStart, end: bodyStart + utf8Length(body), message: `PL/pgSQL: ${e.message}` }, !this.checkFunctionBodies);
      }
      return;
    }
    if (bodyStart < 0) return;
    this.plpgsqlFunctions(funcs, body, bodyStart, scope);
  }

  private plpgsqlFunctions(funcs: Node[], body: string, bodyStart: number, scope: Scope, conditional = false): void {
    const bodyBytes = Buffer.from(body, 'utf8');
    const exprs: PlpgsqlExpr[] = [];
    const types: string[] = [];
    collectPlpgsql(funcs, exprs, types);
    // Declared variable types (`v tenants%rowtype`, `s public.status`).
    for (const t of types) {
      const m = /^(.*?)(%rowtype|%type)?$/i.exec(t.trim());
      if (!m) continue;
      const names = parseQualifiedName(m[1]);
      if (!names) continue;
      if (m[2]?.toLowerCase() === '%rowtype') this.bodyNameRef('relation', names, body, bodyStart, scope, '%ROWTYPE');
      else if (m[2]?.toLowerCase() === '%type') {
        if (names.length >= 2) this.bodyNameRef('relation', names.slice(0, -1), body, bodyStart, scope, '%TYPE');
      } else if (names.length > 1 && names[0] !== 'pg_catalog') this.bodyNameRef('type', names, body, bodyStart, scope, 'type');
    }
    // Where each expression is in the body: `sql` is what we parse; (sqlAnchor in sql) is (bodyAnchor in body).
    const items: { e: PlpgsqlExpr; sql: string; sqlAnchor: number; bodyAnchor: number }[] = [];
    let cursor = 0;
    for (const e of exprs) {
      let sql = e.query;
      let sqlAnchor = 0;
      let skip = 0;
      if (e.mode === 2) {
        sql = `SELECT ${e.query}`;
        sqlAnchor = 7;
      } else if (e.mode >= 3) {
        const m = /^[^:=]*:?=\s*/.exec(e.query);
        skip = m ? m[0].length : 0;
        sql = `SELECT ${e.query.slice(skip)}`;
        sqlAnchor = 7;
      }
      let bodyAnchor = -1;
      const at = findFrom(body, e.query, cursor);
      if (at >= 0) {
        bodyAnchor = at + skip;
        cursor = at + e.query.length;
      } else if (e.mode === 0 && /^select /i.test(e.query)) {
        // PERFORM x  is stored as "SELECT x"
        const r = findFrom(body, e.query.slice(7), cursor);
        if (r >= 0) {
          bodyAnchor = r;
          sqlAnchor = 7;
          cursor = r + e.query.length - 7;
        }
      }
      items.push({ e, sql, sqlAnchor, bodyAnchor });
    }
    // Every parser call has a fixed cost (copying in, JSON out): parse all expressions of the body in one
    // call, each one statement; one call per expression when that fails (an expression that does not parse
    // on its own is skipped, as dynamic or unusual syntax the PL/pgSQL parser already accepted).
    let batch: RawStatement[] | undefined;
    let batchBytes: Uint8Array | undefined;
    if (items.length > 1) {
      const combined = items.map((i) => i.sql).join(BATCH_SEPARATOR);
      try {
        batch = parseSql(combined);
        if (batch.length === items.length) batchBytes = Buffer.from(combined, 'utf8');
        else batch = undefined;
      } catch {
        batch = undefined;
      }
    }
    let offset = 0;
    // in an ASCII body, character offsets are byte offsets
    const ascii = bodyBytes.length === body.length;
    for (let idx = 0; idx < items.length; idx++) {
      const { e, sql, sqlAnchor, bodyAnchor } = items[idx];
      const sqlLength = utf8Length(sql);
      let stmts: RawStatement[];
      let bytes: Uint8Array;
      let off: number;
      if (batch && batchBytes) {
        stmts = [batch[idx]];
        bytes = batchBytes;
        off = offset;
        offset += sqlLength + BATCH_SEPARATOR.length;
      } else {
        try {
          stmts = parseSql(sql);
        } catch {
          continue;
        }
        bytes = Buffer.from(sql, 'utf8');
        off = 0;
      }
      const guard = scope.body === 'do' ? { text: e.guard, handled: e.handled } : undefined;
      // parser locations are offsets in `bytes`, where this expression's sql starts at `off`
      const sqlStart = bodyAnchor >= 0 ? bodyStart + (ascii ? bodyAnchor : utf8Length(body.slice(0, bodyAnchor))) - sqlAnchor : -1;
      const inner: Scope = sqlStart >= 0 ? { ...scope, guard, base: sqlStart - off, bytes } : { ...scope, guard, base: 0, bytes: new Uint8Array(0) };
      const before = this.current.refs.length;
      for (const st of stmts) {
        const [t, node] = kindOf(st.stmt);
        if (t === 'SelectStmt' || t === 'InsertStmt' || t === 'UpdateStmt' || t === 'DeleteStmt' || t === 'MergeStmt') this.query(t, node, inner);
        // statements other than queries (DDL in a DO block) get their place in the file, like top-level ones
        else this.dispatch(t, node, inner, Math.max(0, sqlStart), Math.max(0, sqlStart + sqlLength), conditional);
      }
      if (bodyAnchor < 0) {
        // Could not place the query in the body text: point at the whole body.
        const r = this.range(bodyStart, bodyStart + bodyBytes.length);
        for (let i = before; i < this.current.refs.length; i++) this.current.refs[i].range = r;
      }
    }
  }

  private bodyNameRef(ns: Namespace, names: string[], body: string, bodyStart: number, scope: Scope, via: string): void {
    const last = names[names.length - 1];
    const idx = body.toLowerCase().indexOf(names.join('.').toLowerCase());
    const idx2 = idx >= 0 ? idx : body.toLowerCase().indexOf(last.toLowerCase());
    const range = idx2 >= 0 ? this.range(bodyStart + utf8Length(body.slice(0, idx2)), bodyStart + utf8Length(body.slice(0, idx2)) + utf8Length(idx >= 0 ? names.join('.') : last)) : this.current.range;
    this.namesRef(ns, names, scope, range, via);
  }

  private doBlock(n: Node, scope: Scope, start: number, end: number): void {
    let body = '';
    let language = 'plpgsql';
    for (const a of n.args ?? []) {
      const d = a.DefElem;
      if (d?.defname === 'as') body = str(d.arg) ?? '';
      if (d?.defname === 'language') language = (str(d.arg) ?? language).toLowerCase();
    }
    if (language !== 'plpgsql' || !body) return;
    const bodyStart = this.locateBody(body, start, end);
    let tag = 'do_body';
    while (body.includes(`$${tag}$`)) tag += '_';
    let funcs: Node[];
    try {
      funcs = parsePlpgsql(`create function pg_temp.do_block() returns void language plpgsql as $${tag}$${body}$${tag}$`);
    } catch (e) {
      if (e instanceof ParseError && bodyStart >= 0 && reportablePlpgsqlError(e.message)) this.syntaxError({ start: bodyStart, end: bodyStart + utf8Length(body), message: `PL/pgSQL: ${e.message}` }, false);
      return;
    }
    if (bodyStart < 0) return;
    // DO runs at once, but its statements are usually guarded (IF NOT EXISTS checks, exception handlers):
    // references are reported like PL/pgSQL ones, objects it creates count as created (conditionally).
    this.plpgsqlFunctions(funcs, body, bodyStart, { ...scope, deferred: true, locals: new Set(scope.locals), body: 'do' }, true);
  }
}

/**
 * libpg_query's PL/pgSQL parser has no catalog: it cannot tell whether a variable of a user-defined type
 * is a scalar or a row, so errors about variable kinds are its limitation, not the migration's.
 */
function reportablePlpgsqlError(message: string): boolean {
  return !/is not a scalar variable|is not a known variable|does not exist|record .* has no field/i.test(message);
}

/** Between PL/pgSQL expressions parsed in one call: a line break ends a trailing `--` comment. */
const BATCH_SEPARATOR = '\n;\n';

function findFrom(hay: string, needle: string, from: number): number {
  if (!needle) return -1;
  const i = hay.indexOf(needle, from);
  return i >= 0 ? i : hay.indexOf(needle);
}

/** Collect embedded SQL expressions (with their parse mode) and declared types from a PL/pgSQL tree. */
interface PlpgsqlExpr {
  query: string;
  mode: number;
  /** Text of the IF conditions around it, and whether an exception handler encloses it. */
  guard: string;
  handled: boolean;
}

function collectPlpgsql(node: Node, exprs: PlpgsqlExpr[], types: string[], guard = '', handled = false): void {
  if (node == null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) collectPlpgsql(n, exprs, types, guard, handled);
    return;
  }
  for (const k of Object.keys(node)) {
    const v = node[k];
    if (k === 'PLpgSQL_expr') {
      if (typeof v?.query === 'string') exprs.push({ query: v.query, mode: modeNumber(v.parseMode), guard, handled });
      continue;
    }
    if (k === 'PLpgSQL_type' && typeof v?.typname === 'string') {
      types.push(v.typname);
      continue;
    }
    if (k === 'PLpgSQL_stmt_if' && v) {
      const cond = v.cond?.PLpgSQL_expr?.query ?? '';
      collectPlpgsql(v.cond, exprs, types, guard, handled);
      const inner = `${guard} ${cond} ${JSON.stringify(v.elsif_list ?? '')}`;
      collectPlpgsql(v.then_body, exprs, types, inner, handled);
      collectPlpgsql(v.elsif_list, exprs, types, inner, handled);
      collectPlpgsql(v.else_body, exprs, types, inner, handled);
      continue;
    }
    if (k === 'PLpgSQL_stmt_block' && v) {
      const h = handled || !!v.exceptions;
      for (const kk of Object.keys(v)) if (kk !== 'exceptions') collectPlpgsql(v[kk], exprs, types, guard, h);
      collectPlpgsql(v.exceptions, exprs, types, guard, handled);
      continue;
    }
    collectPlpgsql(v, exprs, types, guard, handled);
  }
}

function modeNumber(m: unknown): number {
  if (typeof m === 'number') return m;
  switch (m) {
    case 'RAW_PARSE_PLPGSQL_EXPR':
      return 2;
    case 'RAW_PARSE_PLPGSQL_ASSIGN1':
      return 3;
    case 'RAW_PARSE_PLPGSQL_ASSIGN2':
      return 4;
    case 'RAW_PARSE_PLPGSQL_ASSIGN3':
      return 5;
    default:
      return 0;
  }
}

function isIdent(c: number | undefined): boolean {
  return c !== undefined && ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x24);
}

/** The schema an unqualified CREATE lands in: the first search-path entry that names a schema. */
export function creationSchema(path: string[]): string {
  return path.find((s) => s !== '$user' && s !== 'pg_catalog' && s !== 'pg_temp') ?? 'public';
}

/** `'public, extensions'` or `'"$user", public'` → schema names. */
export function splitPathValue(v: string): string[] {
  return v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => (s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1).replace(/""/g, '"') : s.toLowerCase()));
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
