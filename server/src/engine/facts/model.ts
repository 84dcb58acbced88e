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

/** What a generated index name ends with (Postgres' ChooseIndexName): PRIMARY KEY, UNIQUE, EXCLUDE, CREATE INDEX. */
export type IndexLabel = 'pkey' | 'key' | 'excl' | 'idx';

/**
 * An index a statement creates: one per PRIMARY KEY / UNIQUE / EXCLUDE constraint of CREATE or ALTER TABLE,
 * or the one of CREATE INDEX. Without a written name, the replay chooses Postgres' (generatedNames.ts).
 */
export interface IndexFact {
  /** The written name (CONSTRAINT name, CREATE INDEX name), if any. */
  name?: string;
  /** Postgres' names of its columns (key columns, then INCLUDE; expressions named as Postgres names them). */
  columns: string[];
  /** The table columns it uses: it goes when one of them is dropped. */
  uses: string[];
  label: IndexLabel;
  unique: boolean;
  /** ONLY: made on this table alone, not on its partitions. */
  only: boolean;
  /** ALTER TABLE ADD COLUMN: the column's own constraint, made only if the column is added. */
  withColumn?: string;
  /** Where the constraint (or CREATE INDEX) is written. */
  range: SourceRange;
}

/** A sequence a serial or identity column owns (named `<table>_<column>_seq` unless SEQUENCE NAME says). */
export interface SequenceFact {
  column: string;
  /** SEQUENCE NAME, when written (`schema` null: the table's). */
  name?: string;
  schema?: string | null;
  /** ALTER TABLE ADD COLUMN: made only if the column is added. */
  withColumn?: string;
  range: SourceRange;
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
  /** CREATE FUNCTION / PROCEDURE: what a CREATE OR REPLACE of it may not change. */
  routine?: RoutineShape;
  /** CREATE VIEW: its columns' names in order, when the statement says every one (no `*`). */
  viewColumns?: string[];
  /** CREATE TYPE … AS ENUM: its labels in order. */
  enumLabels?: string[];
  /** CREATE TABLE: whether `columns` are all of its columns (no LIKE, INHERITS, PARTITION OF or OF type). */
  columnsComplete?: boolean;
  language?: string;
  securityDefiner?: boolean;
  hasSearchPath?: boolean;
  /** Tables: the indexes their constraints create, and the sequences their serial / identity columns own. */
  indexes?: IndexFact[];
  sequences?: SequenceFact[];
  /** Tables: the names written for their CHECK and FOREIGN KEY constraints. */
  constraints?: string[];
  /** Tables: PARTITION OF (the parent table's ref). */
  partitionOf?: { ref: number };
  /** CREATE INDEX: the index (its name, when not written, is chosen by the replay). */
  index?: IndexFact;
  /** Sequences: OWNED BY a table's column. */
  owner?: OwnerFact;
}

/** OWNED BY: the table's ref and the column. */
/**
 * What PostgreSQL compares when CREATE OR REPLACE FUNCTION / PROCEDURE meets an existing routine of the
 * same input signature (pg_proc.c, ProcedureCreate). Types are canonical names without their schema;
 * undefined where the statement does not say it for certain (`%TYPE`).
 */
export interface RoutineShape {
  procedure: boolean;
  /** `setof `-prefixed when it returns a set; derived from OUT parameters when there is no RETURNS. */
  returns: string | undefined;
  /** OUT / INOUT / TABLE parameters as `name type` (the row type when it returns record). */
  outputs: (string | undefined)[];
  /** Input parameters' names in order ('' for an unnamed one). */
  inputNames: string[];
  /** How many parameters have a DEFAULT. */
  defaults: number;
}

export interface OwnerFact {
  ref: number;
  column: string;
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
  /** Indexes of added constraints (in the order Postgres makes them); sequences of added serial / identity columns. */
  indexes?: IndexFact[];
  sequences?: SequenceFact[];
  /** Names written for added CHECK / FOREIGN KEY constraints. */
  constraints?: string[];
  dropConstraints?: string[];
  renameConstraints?: [string, string][];
  /** ADD CONSTRAINT … USING INDEX: the index, the constraint's name if written, and its label. */
  usingIndexes?: [string, string | undefined, IndexLabel][];
  /** Columns that DROP IDENTITY (their sequence goes). */
  dropIdentities?: string[];
  /** ATTACH / DETACH PARTITION (the partition's ref). */
  attach?: { ref: number };
  detach?: { ref: number };
  /** Run by a DO block (maybe not at all, maybe guarded): what the table's columns are is not certain after it. */
  inDoBlock?: boolean;
}

export type Effect =
  | CreateEffect
  | AlterTableEffect
  | { type: 'drop'; ref: number; cascade: boolean }
  | { type: 'rename'; ref: number; newName?: string; newSchema?: string }
  /** ALTER SEQUENCE … OWNED BY (none: OWNED BY NONE). */
  | { type: 'owned-by'; ref: number; owner?: OwnerFact }
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
  /** How the statement bears on the transaction the file runs in (./transaction.ts); absent for most. */
  transaction?: TransactionFact;
  /** ALTER TYPE … ADD VALUE: the type's reference (an index in `refs`) and the new label; `inDoBlock`: maybe not run. */
  enumValueAdded?: { ref: number; label: string; ifNotExists: boolean; inDoBlock?: boolean };
  /** ALTER TYPE … RENAME VALUE. */
  enumValueRenamed?: { ref: number; from: string; to: string; inDoBlock?: boolean };
  /** String literals cast to a user-defined type where the statement evaluates them now (not in PL/pgSQL). */
  literalCasts?: LiteralCast[];
  /** Columns qualified with a table name the expression has no FROM entry for (a policy's `new.col`). */
  missingFrom?: { name: string; range: SourceRange }[];
  /**
   * Columns the statement names that must exist when it runs (ALTER / DROP / RENAME COLUMN, a policy's
   * expression, an index's columns): the table's reference (an index in `refs`) and the column.
   */
  columnUses?: ColumnUse[];
  /** Calls where Postgres requires IMMUTABLE functions (./immutability.ts): index expressions, generated columns, … */
  immutableCalls?: ImmutableCall[];
}

/** Where Postgres stores an expression's value, so every function in it must be IMMUTABLE (its words, for the message). */
export type ImmutableContext = 'index expression' | 'index predicate' | 'generation expression' | 'partition key expression';

/**
 * A function call (`call`; `args`: how many; its function reference has the same range) or a SQL value
 * function (CURRENT_TIMESTAMP) in an expression that must be IMMUTABLE. `guarded`: in a DO block whose
 * exception handler may catch the error (a statement under a condition there is not recorded: it is deferred).
 */
export interface ImmutableCall {
  context: ImmutableContext;
  name: string;
  range: SourceRange;
  call: boolean;
  args: number;
  guarded: boolean;
}

export interface ColumnUse {
  ref: number;
  name: string;
  range: SourceRange;
}

/**
 * A statement that controls the transaction (`begin`: BEGIN / START TRANSACTION / COMMIT AND CHAIN;
 * `end`: COMMIT, ROLLBACK, END, ABORT, PREPARE TRANSACTION; `savepoint`: SAVEPOINT, RELEASE, ROLLBACK TO),
 * or one Postgres refuses inside a transaction block or a pipeline (`outside`: the command as Postgres
 * names it in the error, e.g. `CREATE INDEX CONCURRENTLY`).
 */
export type TransactionFact =
  | { control: 'begin' | 'end' | 'savepoint' }
  | { outside: string; /** The CONCURRENTLY keyword (and the blank after it), when dropping it is the fix. */ concurrently?: SourceRange };

/** `'label'::t` / `CAST('label' AS t)`: the type's reference (an index in the statement's `refs`), the literal and its range. */
export interface LiteralCast {
  ref: number;
  value: string;
  range: SourceRange;
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
  /** The PostgreSQL major version whose grammar the file is parsed with (default `DEFAULT_POSTGRES_VERSION`). */
  postgresVersion?: number;
  /** Column names that should have a foreign key (regexes with one capture group: the table's base name). */
  foreignKeyPatterns?: RegExp[];
}
