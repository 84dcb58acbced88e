/** Plain data types shared by every part of the engine. No LSP, no VS Code, no fs. */
import type { RuleCode, RuleSeverity } from '../ruleRegistry';
import type { SourceRange } from './positions';

/** A finding's level (the rule registry's four levels). */
export type Severity = RuleSeverity;

/** Every code the product reports (static rules, verify, advisors): derived from the rule registry. */
export type { RuleCode } from '../ruleRegistry';

/** One migration file given to the engine. */
export interface MigrationInput {
  /** Path as the caller knows it (absolute or workspace-relative); used as the file's identity. */
  path: string;
  text: string;
  /** Byte offset of the first invalid UTF-8 sequence, when the caller found one while decoding. */
  invalidUtf8At?: number;
  /** The caller did not read the file (`text` is empty): why (an `unreadable-file` finding says so). */
  unread?: UnreadFile;
}

/** Why a migration file was not read: not a regular file, an I/O error, or over the size limit. */
export interface UnreadFile {
  /** Finishes "it was not read because …", e.g. `it is a named pipe (FIFO), not a regular file`. */
  reason: string;
  /** Only too large to analyse (Postgres may apply it): a warning, not an error. */
  tooLarge: boolean;
}

/** A directory entry of a migrations folder, for discovery. */
export interface DirectoryEntry {
  name: string;
  isDirectory: boolean;
}

export interface Location {
  file: string;
  range: SourceRange;
}

export interface RelatedInformation extends Location {
  message: string;
}

export interface TextEdit {
  /** Byte range to replace in `file`. */
  range: SourceRange;
  newText: string;
}

export type Fix =
  | { kind: 'rename-file'; title: string; from: string; to: string }
  | { kind: 'edit'; title: string; file: string; edits: TextEdit[] };

/** For a forward reference: the new file name that makes the migration run after what it needs. */
export interface RenamePlan {
  /** Current file name (basename). */
  from: string;
  /** New file name (basename), or null when no valid position exists. */
  to: string | null;
  /** File name of the latest migration it depends on (it will run right after it). */
  after?: string;
  /** Why no rename is possible (a cycle), when `to` is null. */
  reason?: string;
}

export interface Finding {
  code: RuleCode;
  severity: Severity;
  file: string;
  range: SourceRange;
  message: string;
  related: RelatedInformation[];
  /** Quick fixes, computed with the finding so that editors only look them up. */
  fixes: Fix[];
  rename?: RenamePlan;
  /** Name of the object the finding is about, e.g. `copilot_internal.tenants`. */
  object?: string;
  /**
   * The migration (path) whose effect this finding holds because of: the one that created the object a
   * duplicate collides with, or dropped the object a reference misses. When that migration fails, its
   * transaction rolls back and the finding is a consequence, folded into its error (consequences.ts).
   */
  causeFile?: string;
}

/** Postgres object namespaces: names are unique within one (per schema, or per table for triggers/policies). */
export type Namespace =
  | 'relation'
  | 'type'
  | 'function'
  | 'schema'
  | 'extension'
  | 'role'
  | 'trigger'
  | 'policy'
  | 'publication';

export type ObjectKind =
  | 'schema'
  | 'table'
  | 'partitioned table'
  | 'view'
  | 'materialized view'
  | 'foreign table'
  | 'sequence'
  | 'index'
  | 'function'
  | 'procedure'
  | 'aggregate'
  | 'window'
  | 'type'
  | 'enum'
  | 'domain'
  | 'composite type'
  | 'range type'
  | 'trigger'
  | 'policy'
  | 'extension'
  | 'role'
  | 'publication';
