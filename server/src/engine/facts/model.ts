/**
 * The fact model: what extraction keeps of each statement once the AST is dropped — the objects it
 * creates, alters, renames and drops (effects) and every object it references (refs), with exact source
 * ranges — and the per-file result (`FileFacts`). Types only.
 */
import type { LineIndex, SourceRange } from '../positions';
import type { Namespace, ObjectKind } from '../types';

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
  | { type: 'extension'; name: string; schema: string | null; range: SourceRange; ifNotExists: boolean; path: string[] }
  | DynamicCreateEffect;

/**
 * DDL a DO block runs as dynamic SQL (`execute format('create table %I.%I (...)', ...)`): what it creates is
 * known only as far as the string's constant parts say: the kind, and the schema and name where written
 * literally (null: any). Names it may have made are unknown from then on, not missing.
 */
export interface DynamicCreateEffect {
  type: 'dynamic-create';
  ns: Namespace;
  schema: string | null;
  name: string | null;
}

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
