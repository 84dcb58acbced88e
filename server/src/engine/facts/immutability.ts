/**
 * Where PostgreSQL stores an expression's result and so requires every function in it to be IMMUTABLE
 * (42P17): index expressions and predicates, generated columns, partition keys. Records each function call
 * there (with its reference, so the rule learns what it resolves to) and each SQL-standard value function
 * (CURRENT_TIMESTAMP, CURRENT_DATE, LOCALTIME, CURRENT_USER, …: all STABLE, whatever the search path).
 * Subqueries are not looked into (Postgres refuses them there for another reason).
 */
import type { Node } from '../parser';
import { strList } from './astNodes';
import type { Extraction, Scope } from './extraction';
import type { ImmutableContext } from './model';
import { nameRange } from './nameRanges';

/**
 * Calls in `expr` that must be IMMUTABLE in `context`. Not in function bodies: they run later, if ever.
 * (A call's function reference has the same range as the call's name: the rule finds its answer by it.)
 */
export function immutableCalls(x: Extraction, expr: Node, scope: Scope, context: ImmutableContext): void {
  if (expr == null || scope.body === 'function' || scope.deferred) return;
  const visit = (n: Node): void => {
    if (n == null || typeof n !== 'object') return;
    if (Array.isArray(n)) {
      for (const c of n) visit(c);
      return;
    }
    if (n.SubLink) return;
    const call = n.FuncCall;
    if (call) {
      const names = strList(call.funcname);
      if (names.length) push(names[names.length - 1], nameRange(x, scope, call.location), true, (call.args ?? []).length);
      visit(call.args);
      visit(call.agg_filter);
      return;
    }
    const svf = n.SQLValueFunction;
    if (svf && typeof svf.op === 'string') {
      // SVFOP_CURRENT_TIMESTAMP_N → CURRENT_TIMESTAMP
      push(svf.op.replace(/^SVFOP_/, '').replace(/_N$/, ''), nameRange(x, scope, svf.location), false, 0);
      return;
    }
    for (const k of Object.keys(n)) visit(n[k]);
  };
  const push = (name: string, range: ReturnType<typeof nameRange>, call: boolean, args: number) => {
    (x.current.immutableCalls ??= []).push({ context, name, range, call, args, guarded: !!scope.guard?.handled });
  };
  visit(expr);
}
