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
import { literalCast, walk } from '../walker';
import { stringOf, userTypeRef } from '../coercedLiterals';

function createFunction(x: Extraction, n: Node, scope: Scope, site: StatementSite): void {
  const target = namesTarget(x, strList(n.funcname));
  const opts: Record<string, Node> = {};
  for (const o of n.options ?? []) if (o.DefElem) opts[o.DefElem.defname] = o.DefElem;
  const language = (str(opts.language?.arg) ?? 'sql').toLowerCase();
  const inputs: string[] = [];
  const inputNames: string[] = [];
  const outputs: (string | undefined)[] = [];
  let defaults = 0;
  for (const p of n.parameters ?? []) {
    const fp = p.FunctionParameter;
    if (!fp) continue;
    const at = x.current.refs.length;
    const t = typeRef(x, fp.argType, scope);
    if (fp.mode !== 'FUNC_PARAM_OUT' && fp.mode !== 'FUNC_PARAM_TABLE') {
      inputs.push(t.type);
      inputNames.push(fp.name ?? '');
    }
    if (fp.mode === 'FUNC_PARAM_OUT' || fp.mode === 'FUNC_PARAM_INOUT' || fp.mode === 'FUNC_PARAM_TABLE') {
      const type = comparableType(t.type);
      outputs.push(type === undefined ? undefined : `${fp.name ?? ''} ${type}`);
    }
    if (fp.defexpr) defaults++;
    // DEFAULT 'label' of a parameter of a user-defined type: converted when the function is made
    const s = stringOf(fp.defexpr);
    const userType = userTypeRef(x, fp.argType, at);
    if (s && userType !== undefined && !scope.deferred) literalCast(x, userType, s.value, s.loc, scope);
    else walk(x, fp.defexpr, scope);
  }
  let returns = '';
  let returnType: string | undefined;
  if (n.returnType) {
    const t = typeRef(x, n.returnType, scope, 'RETURNS');
    returns = (n.returnType.setof ? 'setof ' : '') + t.display;
    const c = comparableType(t.type);
    returnType = c === undefined ? undefined : (n.returnType.setof ? 'setof ' : '') + c;
  } else if (n.is_procedure) returnType = outputs.length ? 'record' : 'void';
  else returnType = outputs.length === 1 ? outputs[0]?.slice(outputs[0].indexOf(' ') + 1) : outputs.length ? 'record' : 'void';
  const setting = functionSearchPathSetting(n.options);
  const deferredBody = scope.deferred || language === 'plpgsql' || !x.checkFunctionBodies;
  // a SQL-standard body (BEGIN ATOMIC / RETURN) is parsed before the function exists, with the session's
  // search path: SET search_path applies when it runs (a string body is checked with it)
  const bodyPath = n.sql_body ? scope.path : bodySearchPath(x, setting, deferredBody, scope);
  create(x, scope, 'function', n.is_procedure ? 'procedure' : 'function', target, {
    orReplace: n.replace,
    conditional: site.conditional,
    signature: inputs.join(','),
    returns,
    routine: { procedure: !!n.is_procedure, returns: returnType, outputs, inputNames, defaults },
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
    // what CREATE FUNCTION resolves in the body (declared types): with the function's own search path, else the one in force
    const createPath = bodySearchPath(x, functionSearchPathSetting(n.options), false, scope);
    countedAsBody(() => plpgsqlBody(x, textOf(x, site.start, site.end), { procedure: !!n.is_procedure, parameters: n.parameters ?? [], returnType: n.returnType }, body, bodyStart, { ...bodyScope, deferred: true, body: 'function' }, { deferred: scope.deferred, path: createPath }));
  }
}

/** A canonical type name without its schema (two spellings of one type compare equal), or undefined when not written out (`%TYPE`). */
function comparableType(type: string): string | undefined {
  if (!type || type.endsWith('%type')) return undefined;
  const dot = type.lastIndexOf('.');
  return dot < 0 ? type : type.slice(dot + 1);
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
