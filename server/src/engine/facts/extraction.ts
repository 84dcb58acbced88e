/**
 * The per-file extraction state: the facts gathered so far, the statement being read, the settings a
 * migration changes as it runs (search path, `check_function_bodies`), and the `Scope` a fragment of
 * SQL (the file, a function body, a DO block's statement) is read in. Statement handlers receive the
 * `Extraction` and add to it; which handler reads a statement is decided by the dispatch it is given.
 */
import type { LineIndex, SourceRange } from '../positions';
import type { Node } from '../parser';
import type { SyntaxProblem } from '../split';
import { kindOf } from './astNodes';
import type { ExtractOptions, FileFacts, RefFact, StatementFacts } from './model';
import { creationSchema, DEFAULT_SEARCH_PATH } from './searchPath';
import { transactionFact } from './transaction';

export interface Scope {
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

/** Where a statement is read: its node type, its bytes in the file, and whether it may not run (in a DO block). */
export interface StatementSite {
  type: string;
  start: number;
  end: number;
  conditional: boolean;
}

/** Reads one kind of statement node into the current statement's facts. */
export type StatementHandler = (x: Extraction, n: Node, scope: Scope, site: StatementSite) => void;

/** Handlers keyed by the parser's node type (`CreateStmt`, `GrantStmt`, …). */
export type StatementHandlers = Record<string, StatementHandler>;

/** Statements that run the functions they name when they are applied (a DO block: any it names). */
const RUNS_CODE = new Set(['SelectStmt', 'CallStmt', 'DoStmt', 'InsertStmt', 'UpdateStmt', 'DeleteStmt', 'MergeStmt']);

export class Extraction {
  readonly statements: StatementFacts[] = [];
  readonly syntaxErrors: FileFacts['syntaxErrors'] = [];
  searchPath: string[];
  readonly defaultPath: string[];
  checkFunctionBodies = true;
  /** The statement being read: refs and effects are added to it. */
  current!: StatementFacts;
  /** The current statement's text, decoded once (see `statementText` in nameRanges.ts). */
  currentText: { stmt: StatementFacts; text: string; lower: string; ascii: boolean } | undefined;
  readonly fkPatterns: RegExp[];
  /** The reference each RangeVar node became (for the FROM items of a query). */
  relationRefs = new WeakMap<object, number>();

  constructor(
    readonly bytes: Uint8Array,
    readonly lines: LineIndex,
    options: ExtractOptions,
    private readonly handle: StatementHandler,
  ) {
    this.searchPath = options.searchPath ?? DEFAULT_SEARCH_PATH;
    this.defaultPath = this.searchPath;
    this.fkPatterns = options.foreignKeyPatterns ?? [/^(.+)_id$/];
  }

  syntaxError(e: SyntaxProblem, deferred: boolean): void {
    this.syntaxErrors.push({ range: this.lines.range(e.start, e.end), message: e.message, deferred });
  }

  range(start: number, end: number): SourceRange {
    return this.lines.range(start, Math.max(start, end));
  }

  /** The schema an unqualified CREATE lands in now. */
  get createSchema(): string {
    return creationSchema(this.searchPath);
  }

  /** A top-level statement of the file, at bytes `start`–`end`; parser locations in it are relative to `base`. */
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
    const transaction = transactionFact(this, type, node, start, end);
    if (transaction) c.transaction = transaction;
    c.refs = c.refs.length ? c.refs.slice() : [];
    c.effects = c.effects.length ? c.effects.slice() : [];
    if (RUNS_CODE.has(type)) {
      const calls: { ref: number }[] = [];
      c.refs.forEach((r, i) => {
        if (r.ns === 'function') calls.push({ ref: i });
      });
      if (calls.length) c.calls = calls;
    }
    this.statements.push(c);
  }

  /** Read a statement node (top-level, a CREATE SCHEMA element, or a statement in a DO block). */
  dispatch(type: string, n: Node, scope: Scope, start: number, end: number, conditional: boolean): void {
    this.handle(this, n, scope, { type, start, end, conditional });
  }

  /** Add a reference to the current statement; returns its index (effects point at refs by index). */
  addRef(ref: Omit<RefFact, 'path' | 'deferred'> & { path?: string[]; deferred?: boolean }, scope: Scope): number {
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
}
