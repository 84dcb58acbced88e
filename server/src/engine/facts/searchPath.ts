/**
 * The search path, and the other setting a migration's SET changes that extraction follows
 * (`check_function_bodies`): Supabase's default path, the schema an unqualified CREATE lands in,
 * `SET search_path` / `RESET`, `set_config(…)`, and the path a function body resolves names with.
 */
import type { Node } from '../parser';
import { str } from './astNodes';
import type { Extraction, Scope, StatementHandlers } from './extraction';

/** Supabase runs migrations with this search path (`"$user"` resolves to no schema for postgres). */
export const DEFAULT_SEARCH_PATH = ['$user', 'public', 'extensions'];

/** The schema an unqualified CREATE lands in: the first search-path entry that names a schema. */
export function creationSchema(path: string[]): string {
  return path.find((s) => s !== '$user' && s !== 'pg_catalog' && s !== 'pg_temp') ?? 'public';
}

/** `'public, extensions'` or `'"$user", public'` → schema names. */
export function splitPathValue(v: string): string[] {
  return v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => (s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1).replace(/""/g, '"') : s.toLowerCase()));
}

export function setSearchPath(x: Extraction, path: string[]): void {
  x.searchPath = path.map((p) => p.trim()).filter((p) => p !== '');
}

/** The values of a `SET name = a, b` node, as written. */
function setValues(n: Node): string[] {
  return (n.args ?? []).map((a: Node) => a.A_Const?.sval?.sval ?? str(a) ?? '');
}

/** `set_config('search_path', '…', …)` and `set_config('check_function_bodies', '…', …)` with constant arguments. */
export function setConfig(x: Extraction, key: unknown, val: unknown): void {
  if (key === 'search_path' && typeof val === 'string') setSearchPath(x, splitPathValue(val));
  if (key === 'check_function_bodies' && typeof val === 'string') x.checkFunctionBodies = !/^(off|false|0)$/i.test(val);
}

/** A function's own `SET search_path` clause among its options, if it has one. */
export function functionSearchPathSetting(options: Node[] | undefined): Node | undefined {
  const setItems: Node[] = [];
  for (const o of options ?? []) if (o.DefElem?.defname === 'set') setItems.push(o.DefElem.arg?.VariableSetStmt);
  return setItems.find((s) => s?.name === 'search_path');
}

/**
 * The path a function body resolves names with: its own `SET search_path` when it has one; otherwise,
 * for a body checked only when it runs, the caller's search path (the default one), not whatever the
 * migration had set (pg_dump sets it to '' for the dump itself); otherwise the one in force.
 */
export function bodySearchPath(x: Extraction, setting: Node | undefined, deferredBody: boolean, scope: Scope): string[] {
  if (setting) return setting.kind === 'VAR_SET_VALUE' ? setValues(setting).flatMap(splitPathValue) : x.defaultPath;
  return deferredBody ? x.defaultPath : scope.path;
}

export const SETTING_STATEMENTS: StatementHandlers = {
  VariableSetStmt(x, n) {
    if (n.kind === 'VAR_RESET_ALL') {
      setSearchPath(x, x.defaultPath);
      x.checkFunctionBodies = true;
    } else if (n.name === 'search_path') {
      if (n.kind === 'VAR_SET_VALUE') setSearchPath(x, setValues(n).filter((s: string) => s !== ''));
      else setSearchPath(x, x.defaultPath);
    } else if (n.name === 'check_function_bodies') {
      const v = n.args?.[0]?.A_Const;
      const val = v?.sval?.sval ?? v?.boolval?.boolval;
      x.checkFunctionBodies = n.kind !== 'VAR_SET_VALUE' || !(val === false || /^(off|false|0)$/i.test(String(val)));
    }
  },
};
