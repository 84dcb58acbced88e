/**
 * The rule registry: every code the product can report — the static rules, verify's classes of an apply
 * failure and its schema advisors — with its default severity, summary, description and examples.
 *
 * Data only, importing nothing, so that the engine (its rules take their metadata from here and its
 * `RuleCode` type is derived from here), verify, the CLI's reporters, the language server and the client can
 * all use it without depending on each other. Generated from it (`npm run gen:rules`,
 * scripts/generate-rule-docs.ts): docs/rules/<code>.md, the README's rules table and the
 * `supabaseMigrations.rules` settings schema in package.json; tests check they are up to date.
 */
import { ADVISOR_CODES } from './advisorCodes';
import type { RuleDescription, RuleKind } from './ruleDescription';
import { STATIC_RULES } from './staticRules';
import { VERIFY_CODES } from './verifyCodes';

export type { ExampleFile, RuleDescription, RuleKind, RuleSeverity } from './ruleDescription';

/** Every code, in report order: the static rules (as the engine runs them), verify's classes, the advisors. */
export const RULE_REGISTRY = [...STATIC_RULES, ...VERIFY_CODES, ...ADVISOR_CODES] as const;

/** One entry, with its code as a literal type. */
export type RegistryEntry = (typeof RULE_REGISTRY)[number];
export type RuleCode = RegistryEntry['code'];
/** The codes of the engine's rules (server/src/engine/rules). */
export type StaticRuleCode = (typeof STATIC_RULES)[number]['code'];

export const RULE_CODES: readonly RuleCode[] = RULE_REGISTRY.map((r) => r.code);

const byCode = new Map<string, RuleDescription>(RULE_REGISTRY.map((r) => [r.code, r]));

/** The entry of a code; undefined for a string that is no code. */
export function ruleDescription(code: string): RuleDescription | undefined {
  return byCode.get(code);
}

/** The entries reported by one part of the product, in registry order. */
export function rulesOfKind<K extends RuleKind>(kind: K): Extract<RegistryEntry, { kind: K }>[] {
  return RULE_REGISTRY.filter((r): r is Extract<RegistryEntry, { kind: K }> => r.kind === kind);
}

/** The project's repository (package.json `repository.url`; a test keeps them equal). */
export const REPOSITORY_URL = 'https://github.com/supabase-migrations/supabase-migrations';

/** Path of a code's docs page in the repository. */
export function ruleDocsPath(code: string): string {
  return `docs/rules/${code}.md`;
}

/** A code's docs page on the repository's main branch: SARIF `helpUri`, LSP `codeDescription`. */
export function ruleDocsUrl(code: string): string {
  return `${REPOSITORY_URL}/blob/main/${ruleDocsPath(code)}`;
}
