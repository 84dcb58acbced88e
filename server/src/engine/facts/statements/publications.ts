/** Publications (logical replication, Supabase Realtime): CREATE PUBLICATION and ALTER PUBLICATION with their tables and schemas. */
import type { Node } from '../../parser';
import { create, unqualifiedTarget } from '../creates';
import type { Extraction, Scope, StatementHandlers } from '../extraction';
import type { PublicationFact } from '../model';
import { findName, nameRange } from '../nameRanges';
import { relationRef, schemaRef } from '../refs';

const ACTIONS: Record<string, PublicationFact['action'] | undefined> = { AP_AddObjects: 'add', AP_DropObjects: 'drop', AP_SetObjects: 'set' };

/** `FOR TABLE a, b` / `FOR TABLES IN SCHEMA s` / `ADD TABLE …`; the fact, when there is one to record. */
function publicationObjects(x: Extraction, objs: Node[] | undefined, scope: Scope, fact: PublicationFact | undefined): void {
  for (const o of objs ?? []) {
    const spec = o.PublicationObjSpec;
    if (spec?.pubtable?.relation) {
      const ref = relationRef(x, spec.pubtable.relation, scope, 'PUBLICATION');
      if (ref !== undefined) fact?.tables.push({ ref, range: x.current.refs[ref].range });
      else if (fact) fact.schemas = true;
    }
    if (spec?.name) {
      schemaRef(x, spec.name, nameRange(x, scope, spec.location), scope, 'TABLES IN SCHEMA');
      if (fact) fact.schemas = true;
    }
  }
}

/** The fact for a statement that runs when the migration does (none in a function body). */
function fact(scope: Scope, action: PublicationFact['action'] | undefined, name: string, allTables: boolean, ref?: number): PublicationFact | undefined {
  if (!action || scope.body === 'function') return undefined;
  const inDo = scope.body === 'do';
  return { action, name, ref, tables: [], allTables, schemas: false, certain: !(inDo && scope.deferred), handled: inDo && !!scope.guard?.handled };
}

export const PUBLICATION_STATEMENTS: StatementHandlers = {
  CreatePublicationStmt(x, n, scope, site) {
    create(x, scope, 'publication', 'publication', unqualifiedTarget(x, n.pubname), { conditional: site.conditional });
    const f = fact(scope, 'create', n.pubname, !!n.for_all_tables);
    publicationObjects(x, n.pubobjects, scope, f);
    if (f) x.current.publication = f;
  },
  AlterPublicationStmt(x, n, scope) {
    const ref = x.current.refs.length;
    x.addRef({ ns: 'publication', schema: null, name: n.pubname, range: findName(x, n.pubname), optional: false, via: 'ALTER PUBLICATION' }, scope);
    // ALTER PUBLICATION … SET (options) / OWNER / RENAME change no tables
    const f = n.pubobjects?.length ? fact(scope, ACTIONS[n.action], n.pubname, false, x.current.refs.length > ref ? ref : undefined) : undefined;
    publicationObjects(x, n.pubobjects, scope, f);
    if (f && f.ref !== undefined) x.current.publication = f;
  },
};
