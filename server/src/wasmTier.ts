/**
 * How V8 should compile our two WASM modules, the parser (libpg-query, 1.7 MB) and verify's Postgres (PGlite),
 * for the amount of SQL a process is about to work through.
 *
 * V8 compiles WASM with its baseline compiler (Liftoff) first and then recompiles the hot functions with its
 * optimizing compiler (TurboFan) on background threads. For these big modules that recompilation costs a lot
 * of CPU and 40–100 MB of peak memory, and only pays for itself after several MB of SQL: measured on this
 * project's workspaces (bench/RESULTS.md, "WASM compile tier"), a `check` of a folder of up to 0.5 MB of SQL
 * takes 0.5–0.8× the time and 30–50 MB less memory baseline-only, 1.03–1.06× the time at 5 MB and 1.07–1.15×
 * at 25 MB; a `verify` (PGlite runs every statement) is faster or even up to ~0.5 MB, ~10 % slower at 5 MB,
 * and always ~50–100 MB smaller. So each process picks by size; the environment can force either.
 */
export type WasmTier = 'baseline' | 'optimizing';

/**
 * The V8 flag for baseline-only WASM code (Liftoff, never TurboFan). Set with `v8.setFlagsFromString` before
 * the module is compiled, never on a command line: there a flag some future V8 no longer knows would stop the
 * process, where `setFlagsFromString` only prints a warning.
 */
export const BASELINE_ONLY_V8_FLAG = '--liftoff-only';

/** Forces the tier of every process we start (`baseline` or `optimizing`): for the benchmark, or anyone who measures otherwise. */
export const WASM_TIER_ENV = 'SUPABASE_MIGRATIONS_WASM_TIER';

/** Up to this much SQL, `check`, `graph` and the language server parse with baseline code only. */
export const PARSER_BASELINE_MAX_BYTES = 4 * 1024 * 1024;

/** Up to this much SQL (its first request's, for the warm service), a `verify` worker runs PGlite with baseline code only. */
export const VERIFY_BASELINE_MAX_BYTES = 1024 * 1024;

/** How much SQL some files hold (characters: bytes for ASCII text), the size `wasmTierFor` decides by. */
export function sqlSize(files: Iterable<{ text: string }>): number {
  let n = 0;
  for (const f of files) n += f.text.length;
  return n;
}

/**
 * The tier for `sqlBytes` of SQL (undefined: unknown, V8's default) with this threshold. A valid override in
 * the environment wins; an invalid one is ignored.
 */
export function wasmTierFor(sqlBytes: number | undefined, maxBaselineBytes: number, env: Record<string, string | undefined> = process.env): WasmTier {
  const forced = env[WASM_TIER_ENV]?.trim().toLowerCase();
  if (forced === 'baseline' || forced === 'optimizing') return forced;
  return sqlBytes !== undefined && sqlBytes <= maxBaselineBytes ? 'baseline' : 'optimizing';
}
