/**
 * What a top-level statement means for the transaction its migration runs in. The Supabase CLI sends a
 * migration file as one pipeline (every statement, then the version's INSERT, then one Sync: pgx
 * `ExecBatch`), which PostgreSQL runs as one implicit transaction. So a command that refuses to run in a
 * transaction block fails (25001) unless it is the first statement of the file or the first after a
 * COMMIT / ROLLBACK; after BEGIN it fails too. The rule transaction-block (../rules/transactionBlock.ts)
 * walks these facts in file order.
 */
import type { Node } from '../parser';
import { scanSql } from '../parser';
import type { SourceRange } from '../positions';
import type { Extraction } from './extraction';
import type { TransactionFact } from './model';

const TRANSACTION_CONTROL: Record<string, 'begin' | 'end' | 'savepoint' | undefined> = {
  TRANS_STMT_BEGIN: 'begin',
  TRANS_STMT_START: 'begin',
  TRANS_STMT_COMMIT: 'end',
  TRANS_STMT_ROLLBACK: 'end',
  TRANS_STMT_PREPARE: 'end',
  TRANS_STMT_SAVEPOINT: 'savepoint',
  TRANS_STMT_RELEASE: 'savepoint',
  TRANS_STMT_ROLLBACK_TO: 'savepoint',
};

/** Commands PostgreSQL always refuses in a transaction block, by node type (the name its error uses). */
const ALWAYS_OUTSIDE: Record<string, string> = {
  CreatedbStmt: 'CREATE DATABASE',
  DropdbStmt: 'DROP DATABASE',
  AlterSystemStmt: 'ALTER SYSTEM',
  CreateTableSpaceStmt: 'CREATE TABLESPACE',
  DropTableSpaceStmt: 'DROP TABLESPACE',
};

/** The statement's transaction fact, or undefined for the (usual) statement that has none. */
export function transactionFact(x: Extraction, type: string, n: Node, start: number, end: number): TransactionFact | undefined {
  const always = ALWAYS_OUTSIDE[type];
  if (always) return { outside: always };
  switch (type) {
    case 'TransactionStmt': {
      const control = TRANSACTION_CONTROL[n.kind];
      // COMMIT AND CHAIN / ROLLBACK AND CHAIN start a new transaction block at once
      if (control === 'end' && n.chain) return { control: 'begin' };
      if (control) return { control };
      if (n.kind === 'TRANS_STMT_COMMIT_PREPARED') return { outside: 'COMMIT PREPARED' };
      if (n.kind === 'TRANS_STMT_ROLLBACK_PREPARED') return { outside: 'ROLLBACK PREPARED' };
      return undefined;
    }
    case 'IndexStmt':
      return n.concurrent ? concurrently(x, 'CREATE INDEX CONCURRENTLY', start, end) : undefined;
    case 'DropStmt':
      return n.concurrent ? concurrently(x, 'DROP INDEX CONCURRENTLY', start, end) : undefined;
    case 'ReindexStmt': {
      if ((n.params ?? []).some((p: Node) => p?.DefElem?.defname === 'concurrently' && p.DefElem.arg?.Boolean?.boolval !== false)) {
        return concurrently(x, 'REINDEX CONCURRENTLY', start, end);
      }
      if (n.kind === 'REINDEX_OBJECT_DATABASE') return { outside: 'REINDEX DATABASE' };
      if (n.kind === 'REINDEX_OBJECT_SYSTEM') return { outside: 'REINDEX SYSTEM' };
      if (n.kind === 'REINDEX_OBJECT_SCHEMA') return { outside: 'REINDEX SCHEMA' };
      return undefined;
    }
    case 'VacuumStmt':
      // ANALYZE alone runs in a transaction block; VACUUM does not
      return n.is_vacuumcmd ? { outside: 'VACUUM' } : undefined;
    case 'ClusterStmt':
      // CLUSTER without a table clusters every table, one transaction each
      return n.relation ? undefined : { outside: 'CLUSTER' };
    case 'DiscardStmt':
      return n.target === 'DISCARD_ALL' ? { outside: 'DISCARD ALL' } : undefined;
    case 'AlterTableStmt':
      return (n.cmds ?? []).some((c: Node) => c?.AlterTableCmd?.subtype === 'AT_DetachPartition' && c.AlterTableCmd.def?.PartitionCmd?.concurrent)
        ? concurrently(x, 'ALTER TABLE ... DETACH CONCURRENTLY', start, end)
        : undefined;
    default:
      return undefined;
  }
}

/** A CONCURRENTLY command, with the keyword's range (the fix drops it). */
function concurrently(x: Extraction, outside: string, start: number, end: number): TransactionFact {
  return { outside, concurrently: keywordRange(x, 'concurrently', start, end) };
}

/** The first `word` token of the statement (comments and strings are tokens of their own) and a blank after it, if any. */
function keywordRange(x: Extraction, word: string, start: number, end: number): SourceRange | undefined {
  const text = Buffer.from(x.bytes.subarray(start, end)).toString('utf8');
  let tokens;
  try {
    tokens = scanSql(text);
  } catch {
    return undefined;
  }
  const t = tokens.find((k) => k.word === word);
  if (!t) return undefined;
  // with the blank after it, so that removing the range leaves one space
  const blank = x.bytes[start + t.end] === 0x20 || x.bytes[start + t.end] === 0x09 ? 1 : 0;
  return x.range(start + t.start, start + t.end + blank);
}
