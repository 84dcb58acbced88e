/**
 * The project's PostgreSQL major version: the grammar its migrations are parsed with (parser.ts) and the
 * built-ins it has (catalog/index.ts) depend on it. The host reads it from supabase/config.toml
 * (host/supabaseConfig.ts); the engine gets it as `EngineConfig.postgresVersion`.
 */

/** The grammars the parser has (PostgreSQL major versions). */
export type GrammarVersion = 15 | 17 | 18;

/**
 * The PostgreSQL major version assumed when nothing says which one a project runs: the Supabase CLI's
 * default for new projects (`[db] major_version = 17` in the `supabase init` template,
 * github.com/supabase/cli apps/cli-go/pkg/config/templates/config.toml).
 */
export const DEFAULT_POSTGRES_VERSION = 17;

/**
 * The grammar a PostgreSQL major version is parsed with: its own (15, 17, 18); 13 and 14 with 15's (the
 * oldest we ship; the Supabase CLI still accepts them), 16 with 17's (the Supabase CLI rejects 16), a
 * newer one with 18's.
 */
export function grammarFor(major: number): GrammarVersion {
  if (major <= 15) return 15;
  if (major <= 17) return 17;
  return 18;
}
