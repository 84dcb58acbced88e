/**
 * Schemas and extensions: CREATE SCHEMA (with AUTHORIZATION and the elements created in it, read with
 * the new schema in front of the search path) and CREATE EXTENSION (… WITH SCHEMA).
 */
import type { Node } from '../../parser';
import { kindOf, str } from '../astNodes';
import { create, unqualifiedTarget } from '../creates';
import type { StatementHandlers } from '../extraction';
import { findName, nameRange } from '../nameRanges';
import { roleRefs, schemaRef } from '../refs';
import { creationSchema } from '../searchPath';

export const SCHEMA_STATEMENTS: StatementHandlers = {
  CreateSchemaStmt(x, n, scope, site) {
    if (n.schemaname) create(x, scope, 'schema', 'schema', unqualifiedTarget(x, n.schemaname), { ifNotExists: n.if_not_exists, conditional: site.conditional });
    if (n.authrole) roleRefs(x, [n.authrole], scope, 'AUTHORIZATION');
    if (!n.schemaElts?.length) return;
    // Postgres runs the elements with the new schema in front of the search path: it is where they
    // are created, and the first place their unqualified names are looked up.
    const schema = n.schemaname ?? n.authrole?.rolename ?? creationSchema(x.searchPath);
    const saved = x.searchPath;
    x.searchPath = [schema, ...saved];
    try {
      for (const el of n.schemaElts) {
        const [t, inner] = kindOf(el);
        x.dispatch(t, inner, { ...scope, path: [schema, ...scope.path] }, site.start, site.end, site.conditional);
      }
    } finally {
      x.searchPath = saved;
    }
  },
  CreateExtensionStmt(x, n, scope) {
    const schemaOpt = (n.options ?? []).find((o: Node) => o.DefElem?.defname === 'schema');
    x.current.effects.push({
      type: 'extension',
      name: n.extname,
      schema: schemaOpt ? str(schemaOpt.DefElem.arg) ?? null : null,
      range: findName(x, n.extname),
      ifNotExists: !!n.if_not_exists,
      path: scope.path,
    });
    if (schemaOpt) {
      const s = str(schemaOpt.DefElem.arg);
      if (s) schemaRef(x, s, nameRange(x, scope, schemaOpt.DefElem.location), scope, 'WITH SCHEMA');
    }
  },
};
