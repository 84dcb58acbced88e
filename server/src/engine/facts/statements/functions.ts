/**
 * Functions and code: CREATE FUNCTION / PROCEDURE (signature, return type, language, SECURITY
 * DEFINER, SET search_path, and the body), ALTER FUNCTION, CALL, and DO blocks.
 */
import { countedAsBody, Node } from '../../parser';
import { doBlock, locateBody, plpgsqlBody, sqlBody } from '../bodies';
import { str, strList } from '../astNodes';
import { create, namesTarget } from '../creates';
import type { Extraction, Scope, StatementHandlers, StatementSite } from '../extraction';
import { textOf } from '../nameRanges';
import { objectRef, typeRef } from '../refs';
import { bodySearchPath, functionSearchPathSetting } from '../searchPath';
import { walk } from '../walker';

function createFunction(x: Extraction, n: Node, scope: Scope, site: StatementSite): void {
  const target = namesTarget(x, strList(n.funcname));
  const opts: Record<string, Node> = {};
  for (const o of n.options ?? []) if (o.DefElem) opts[o.DefElem.defname] = o.DefElem;
  const language = (str(opts.language?.arg) ?? 'sql').toLowerCase();
  const inputs: string[] = [];
  for (const p of n.parameters ?? []) {
    const fp = p.FunctionParameter;
    if (!fp) continue;
    const t = typeRef(x, fp.argType, scope);
    if (fp.mode !== 'FUNC_PARAM_OUT' && fp.mode !== 'FUNC_PARAM_TABLE') inputs.push(t.type);
    walk(x, fp.defexpr, scope);
  }
  let returns = '';
  if (n.returnType) returns = (n.returnType.setof ? 'setof ' : '') + typeRef(x, n.returnType, scope, 'RETURNS').display;
  const setting = functionSearchPathSetting(n.options);
  const deferredBody = scope.deferred || language === 'plpgsql' || !x.checkFunctionBodies;
  const bodyPath = bodySearchPath(x, setting, deferredBody, scope);
  create(x, scope, 'function', n.is_procedure ? 'procedure' : 'function', target, {
    orReplace: n.replace,
    conditional: site.conditional,
    signature: inputs.join(','),
    returns,
    language,
    securityDefiner: opts.security ? !!(opts.security.arg?.Boolean?.boolval ?? opts.security.arg?.boolval) : false,
    hasSearchPath: !!setting,
  });
  functionBody(x, n, opts, language, { ...scope, path: bodyPath, locals: new Set(scope.locals) }, scope, site);
}

/** The body: BEGIN ATOMIC / RETURN (parsed with the statement), or a string in SQL or PL/pgSQL. */
function functionBody(x: Extraction, n: Node, opts: Record<string, Node>, language: string, bodyScope: Scope, scope: Scope, site: StatementSite): void {
  if (n.sql_body) {
    // BEGIN ATOMIC / RETURN: parsed with the statement, checked at creation.
    walk(x, n.sql_body, bodyScope);
    return;
  }
  const asItems: Node[] = opts.as?.arg?.List?.items ?? [];
  if (asItems.length !== 1) return; // C functions: obj_file, link_symbol
  const body = str(asItems[0]) ?? '';
  const bodyStart = locateBody(x, body, site.start, site.end);
  if (language === 'sql') {
    countedAsBody(() => sqlBody(x, body, bodyStart, { ...bodyScope, deferred: scope.deferred || !x.checkFunctionBodies, body: 'function' }));
  } else if (language === 'plpgsql') {
    countedAsBody(() => plpgsqlBody(x, textOf(x, site.start, site.end), { procedure: !!n.is_procedure, parameters: n.parameters ?? [], returnType: n.returnType }, body, bodyStart, { ...bodyScope, deferred: true, body: 'function' }, scope.deferred));
  }
}

export const FUNCTION_STATEMENTS: StatementHandlers = {
  CreateFunctionStmt: createFunction,
  AlterFunctionStmt(x, n, scope) {
    objectRef(x, n.objtype ?? 'OBJECT_FUNCTION', { ObjectWithArgs: n.func }, scope, 'ALTER FUNCTION', false);
  },
  CallStmt(x, n, scope) {
    walk(x, n.funccall ? { FuncCall: n.funccall } : undefined, scope);
  },
  DoStmt(x, n, scope, site) {
    countedAsBody(() => doBlock(x, n, scope, site.start, site.end));
  },
};
