/**
 * Sequences: CREATE SEQUENCE and ALTER SEQUENCE (with OWNED BY), and the sequences serial and identity
 * columns own (`serialSequence`, `identitySequence`, for tables.ts).
 */
import type { Node } from '../../parser';
import { SERIAL_TYPES } from '../../names';
import { qualifierOf, str, strList } from '../astNodes';
import { create, rangeVarTarget } from '../creates';
import type { Extraction, Scope, StatementHandlers } from '../extraction';
import type { OwnerFact, SequenceFact } from '../model';
import { findName, nameRange } from '../nameRanges';
import { namesRef, relationRef } from '../refs';

/** The sequence a `serial` (`bigserial`, `serial4`, …) column owns; none for other types. */
export function serialSequence(x: Extraction, scope: Scope, cd: Node): SequenceFact | undefined {
  const names: Node[] | undefined = cd.typeName?.names;
  // only the unqualified type name makes a serial column
  if (names?.length !== 1 || !SERIAL_TYPES.has(str(names[0]) ?? '') || cd.typeName.pct_type) return undefined;
  return { column: cd.colname, range: nameRange(x, scope, cd.typeName.location) };
}

/** The sequence an identity column owns (GENERATED … AS IDENTITY, or ALTER COLUMN … ADD GENERATED): SEQUENCE NAME, or Postgres' name. */
export function identitySequence(x: Extraction, scope: Scope, column: string, con: Node): SequenceFact {
  const opt = (con.options ?? []).find((o: Node) => o.DefElem?.defname === 'sequence_name')?.DefElem;
  const names = strList(opt?.arg?.List?.items);
  if (!names.length) return { column, range: nameRange(x, scope, con.location) };
  const name = names[names.length - 1];
  return { column, name, schema: qualifierOf(names), range: findName(x, name, scope.base + (opt.location ?? 0)) };
}

/** OWNED BY table.column (a use of the table; missing it is not reported); none for OWNED BY NONE. */
function ownedBy(x: Extraction, options: Node[] | undefined, scope: Scope): OwnerFact | 'none' | undefined {
  const opt = (options ?? []).find((o: Node) => o.DefElem?.defname === 'owned_by')?.DefElem;
  if (!opt) return undefined;
  const names = strList(opt.arg?.List?.items);
  if (names.length < 2) return 'none';
  const table = names.slice(0, -1);
  const ref = namesRef(x, 'relation', table, scope, findName(x, table[table.length - 1], scope.base + (opt.location ?? 0)), 'OWNED BY', true);
  return ref === undefined ? undefined : { ref, column: names[names.length - 1] };
}

export const SEQUENCE_STATEMENTS: StatementHandlers = {
  CreateSeqStmt(x, n, scope, site) {
    const created = create(x, scope, 'relation', 'sequence', rangeVarTarget(x, scope, n.sequence), { ifNotExists: n.if_not_exists, conditional: site.conditional });
    const owner = ownedBy(x, n.options, scope);
    if (created && owner && owner !== 'none') created.owner = owner;
  },
  AlterSeqStmt(x, n, scope) {
    const ref = relationRef(x, n.sequence, scope, 'ALTER SEQUENCE', !!n.missing_ok);
    const owner = ownedBy(x, n.options, scope);
    if (ref !== undefined && owner) x.current.effects.push({ type: 'owned-by', ref, owner: owner === 'none' ? undefined : owner });
  },
};
