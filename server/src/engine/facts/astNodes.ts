/**
 * Reading libpg_query's JSON nodes: a node's type and fields, string values and name lists, the
 * qualifier of a dotted name.
 */
import type { Node } from '../parser';

export function str(n: Node): string | undefined {
  if (n == null) return undefined;
  if (typeof n === 'string') return n;
  if (n.String) return n.String.sval ?? '';
  if (n.sval !== undefined) return n.sval;
  return undefined;
}

export function strList(list: Node[] | undefined): string[] {
  return (list ?? []).map((n) => str(n) ?? '').filter((s) => s !== '');
}

/** `{ CreateStmt: {…} }` → `['CreateStmt', {…}]`. */
export function kindOf(node: Node): [string, Node] {
  const k = Object.keys(node)[0];
  return [k, node[k]];
}

/** The schema of a dotted name (`schema.name`), or null when it is written unqualified. */
export function qualifierOf(names: string[]): string | null {
  return names.length > 1 ? names[names.length - 2] : null;
}
