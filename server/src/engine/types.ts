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

/**
 * A new migration file to create (never over an existing file) holding `text`, and the edits that take the
 * same statements out of `from` (an applied migration that was edited: production never runs what was
 * added to it). Not in `Finding.fixes`: applying it creates a file, which a text edit cannot.
 */
export interface NewMigrationFix {
  title: string;
  /** Path of the edited migration. */
  from: string;
  /** Byte ranges of the added statements in it, each replaced by '' (with the line break after it). */
  revert: TextEdit[];
  /** Path of the new migration (its version sorts after every migration of the folder and of the base). */
  to: string;
  /** Its content: the added statements, each ending with `;`, one after another. */
  text: string;
}

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
  /**
   * out-of-order: every rename of the one action this finding's `rename-file` fix belongs to — the branch's
   * migrations that sort before the base's newest, re-stamped together after it (paths; none overwrites a
   * file, and applying only some of them can break their order). The same list on each of those findings.
   */
  renames?: { from: string; to: string }[];
  /** edited-applied: the statements added to an applied migration, moved into a new migration (see NewMigrationFix). */
  newMigration?: NewMigrationFix;
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
