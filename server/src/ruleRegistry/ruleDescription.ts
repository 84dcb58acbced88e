/** The shape of one entry of the rule registry (index.ts): everything a code says about itself. Data only. */

/**
 * Who reports a code: `static` — the engine's rules (server/src/engine/rules), in `check`, the editor and
 * the language server; `verify` — `verify`'s classification of what the embedded Postgres said when it
 * applied the migrations (server/src/verify/classify.ts); `advisor` — `verify`'s schema advisors, on the
 * schema the migrations produced (server/src/verify/advisors.ts).
 */
export type RuleKind = 'static' | 'verify' | 'advisor';

/** A finding's level; the engine's `Severity` (engine/types.ts) is this type. */
export type RuleSeverity = 'error' | 'warning' | 'info' | 'hint';

/** One migration file of an example, as it would be in `supabase/migrations/`. */
export interface ExampleFile {
  /** File name, e.g. `20240101000000_create_profiles.sql`. */
  readonly name: string;
  readonly sql: string;
  /** How the file is saved when not UTF-8 (the `invalid-encoding` example); the docs say so. */
  readonly encoding?: 'latin1';
  /** Not a regular file (the `unreadable-file` example: a named pipe where the file should be; `sql` is what was meant). */
  readonly special?: 'fifo';
}

export interface RuleDescription {
  /** Stable and user-facing: config, ignore comments, JSON, SARIF, LSP diagnostics. */
  readonly code: string;
  readonly kind: RuleKind;
  /** The severity its findings get unless the configuration changes it (some findings are lower: see the description). */
  readonly defaultSeverity: RuleSeverity;
  /** One sentence: SARIF `shortDescription`, the settings schema, the rules tables. */
  readonly summary: string;
  /** One paragraph of Markdown for the rule's docs page (docs/rules/<code>.md). */
  readonly description: string;
  /**
   * For the rules that compare the folder with a base (the team-workflow rules): the migrations the base
   * already has; `invalid` and `valid` are the branch's folder. Unset: no base.
   */
  readonly base?: readonly ExampleFile[];
  /** Migrations that make it report this code (test/unit/rule-registry.test.ts checks it). */
  readonly invalid: readonly ExampleFile[];
  /** The same migrations, corrected: it does not report this code. */
  readonly valid: readonly ExampleFile[];
}
