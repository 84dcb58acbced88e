/** Sequences: CREATE SEQUENCE and ALTER SEQUENCE. */
import { create, rangeVarTarget } from '../creates';
import type { StatementHandlers } from '../extraction';
import { relationRef } from '../refs';

export const SEQUENCE_STATEMENTS: StatementHandlers = {
  CreateSeqStmt(x, n, scope, site) {
    create(x, scope, 'relation', 'sequence', rangeVarTarget(x, scope, n.sequence), { ifNotExists: n.if_not_exists, conditional: site.conditional });
  },
  AlterSeqStmt(x, n, scope) {
    relationRef(x, n.sequence, scope, 'ALTER SEQUENCE', !!n.missing_ok);
  },
};
