/**
 * Facts per statement: what each statement creates, alters, renames and drops, and every object it
 * references, with exact source ranges. The AST is dropped after extraction; only these facts are kept.
 *
 * This folder: model.ts (the fact types), immutability.ts (expressions that must be IMMUTABLE), extract.ts (the entry point), extraction.ts (per-file state
 * and Scope), statements/ (one handler module per object kind, dispatched from a table), walker.ts
 * (expressions and queries), refs.ts and creates.ts (recording references and created objects),
 * nameRanges.ts (where names are written), bodies.ts and plpgsql.ts (function bodies, DO blocks),
 * searchPath.ts (search path and SET), directives.ts (ignore comments, read and written).
 */
export type {
  AlterTableEffect,
  ColumnFact,
  CreateEffect,
  Directive,
  Effect,
  ExtractOptions,
  FileFacts,
  ForeignKeyFact,
  IndexFact,
  IndexLabel,
  NameRef,
  OwnerFact,
  RefFact,
  ColumnUse,
  RoutineShape,
  SequenceFact,
  StatementFacts,
  TransactionFact,
  LiteralCast,
  ImmutableCall,
  ImmutableContext,
} from './model';
export { extractFacts } from './extract';
export { creationSchema, DEFAULT_SEARCH_PATH, splitPathValue } from './searchPath';
export { disableInsertion, readDirectives } from './directives';
export type { DisableInsertion } from './directives';
