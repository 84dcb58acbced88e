/** Publications (logical replication, Supabase Realtime): CREATE PUBLICATION and ALTER PUBLICATION with their tables and schemas. */
import type { Node } from '../../parser';
import { create, unqualifiedTarget } from '../creates';
import type { Extraction, Scope, StatementHandlers } from '../extraction';
import { findName, nameRange } from '../nameRanges';
import { relationRef, schemaRef } from '../refs';

/** `FOR TABLE a, b` / `FOR TABLES IN SCHEMA s` / `ADD TABLE …`. */
function publicationObjects(x: Extraction, objs: Node[] | undefined, scope: Scope): void {
  for (const o of objs ?? []) {
    const spec = o.PublicationObjSpec;
    if (spec?.pubtable?.relation) relationRef(x, spec.pubtable.relation, scope, 'PUBLICATION');
    if (spec?.name) schemaRef(x, spec.name, nameRange(x, scope, spec.location), scope, 'TABLES IN SCHEMA');
  }
}

export const PUBLICATION_STATEMENTS: StatementHandlers = {
  CreatePublicationStmt(x, n, scope, site) {
    create(x, scope, 'publication', 'publication', unqualifiedTarget(x, n.pubname), { conditional: site.conditional });
    publicationObjects(x, n.pubobjects, scope);
  },
  AlterPublicationStmt(x, n, scope) {
    x.addRef({ ns: 'publication', schema: null, name: n.pubname, range: findName(x, n.pubname), optional: false, via: 'ALTER PUBLICATION' }, scope);
    publicationObjects(x, n.pubobjects, scope);
  },
};
