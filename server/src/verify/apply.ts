/**
 * How the verify worker applies one migration to its PGlite instance: in its own transaction, after a
 * session reset (like a fresh `postgres` session, as `supabase db reset` runs each file), statement by
 * statement, telling the worker what runs (for verify's limits, guards.ts), and where a failure is: the
 * position Postgres gave, or the failing statement. No PGlite import: the worker hands in the instance.
 */
import { copyProgramError } from './guards';
import type { PgErrorInfo, RunningScope, WorkerFile } from './protocol';

/** What the worker uses of a PGlite instance. */
export type PGliteLike = {
  waitReady: Promise<void>;
  exec(sql: string): Promise<unknown>;
  query<T>(sql: string): Promise<{ rows: T[] }>;
  dumpDataDir(compression?: 'gzip' | 'none' | 'auto'): Promise<Blob>;
  close(): Promise<void>;
  /** Called (from inside WASM) when Postgres opens a pipe to a program; returns a FILE* (0: failed). */
  handleExternalCmd(cmd: string, mode: string): number;
  Module: {
    FS: {
      writeFile(p: string, data: string): void;
      readdir(p: string): string[];
      stat(p: string): { mode: number; mtime: Date | number };
      isDir(mode: number): boolean;
      isFile(mode: number): boolean;
      readFile(p: string): Uint8Array;
      lookupPath(p: string): { node: { contents?: unknown; usedBytes?: number } };
    };
  };
};

/** A PGlite error, as the worker reports it. */
export function errorInfo(e: unknown): PgErrorInfo {
  const err = e as { code?: string; message?: string; detail?: string; hint?: string; where?: string; position?: string | number };
  const out: PgErrorInfo = { message: err?.message ?? String(e) };
  if (err?.code) out.sqlstate = err.code;
  if (err?.detail) out.detail = err.detail;
  if (err?.hint) out.hint = err.hint;
  if (err?.where) out.where = err.where;
  if (err?.position !== undefined && err.position !== null && String(err.position) !== '') out.position = Number(err.position);
  return out;
}

/** The worker's side of the limits: told what runs (and when nothing does), and the programs a statement tried to run. */
export interface ApplyWatch {
  running(statement: number | undefined, scope: RunningScope): void;
  idle(): void;
  /** Filled by the instance's program handler (COPY ... PROGRAM); emptied when a file starts. */
  refused: string[];
}

/** A part of a file run with one `exec`. */
interface Piece {
  text: string;
  /** Byte offset of the piece in the file. */
  start: number;
  /** Its first statement (undefined: the whole file). */
  statement?: number;
  scope: RunningScope;
}

/**
 * How a file is run: statement by statement (so that the parent knows which one runs, for its time limit and
 * the finding's place). That gives what running the whole text at once gives, inside the file's
 * transaction, with two exceptions, which keep the whole text's behaviour:
 *   - a syntax error anywhere: Postgres parses the whole text first and runs nothing (the engine saw it:
 *     `whole`); also when the statements do not cover every piece of SQL in the text;
 *   - after a statement that ends the transaction (the file's own COMMIT or ROLLBACK), the rest of a
 *     multi-statement text runs in one implicit transaction block: from there, the rest as one piece.
 */
function pieces(file: WorkerFile): Piece[] {
  const bytes = Buffer.from(file.text, 'utf8');
  const whole: Piece[] = [{ text: file.text, start: 0, scope: 'file' }];
  if (file.whole || !onlyStatements(bytes, file.statements)) return whole;
  const out: Piece[] = [];
  for (let k = 0; k < file.statements.length; k++) {
    const st = file.statements[k];
    if (st.endsTransaction && k < file.statements.length - 1) {
      out.push({ text: bytes.subarray(st.start).toString('utf8'), start: st.start, statement: k, scope: 'rest' });
      break;
    }
    out.push({ text: bytes.subarray(st.start, st.end).toString('utf8'), start: st.start, statement: k, scope: 'statement' });
  }
  return out;
}

/** Whether everything outside the statements is whitespace, comments and semicolons. */
function onlyStatements(bytes: Buffer, statements: WorkerFile['statements']): boolean {
  let at = 0;
  for (const st of statements) {
    if (st.start < at || st.end < st.start || !trivia(bytes, at, st.start)) return false;
    at = st.end;
  }
  return trivia(bytes, at, bytes.length);
}

function trivia(b: Buffer, from: number, to: number): boolean {
  let i = from;
  while (i < to) {
    const c = b[i];
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c || c === 0x0b || c === 0x3b) i++;
    else if (c === 0x2d && b[i + 1] === 0x2d) {
      while (i < to && b[i] !== 0x0a) i++;
    } else if (c === 0x2f && b[i + 1] === 0x2a) {
      let depth = 1;
      i += 2;
      while (i < to && depth > 0) {
        if (b[i] === 0x2f && b[i + 1] === 0x2a) (depth++, (i += 2));
        else if (b[i] === 0x2a && b[i + 1] === 0x2f) (depth--, (i += 2));
        else i++;
      }
      if (depth > 0) return false;
    } else return false;
  }
  return true;
}

/** Code points in the first `byteOffset` bytes of the file (to turn a piece's error position into the file's). */
function codePointsBefore(text: string, byteOffset: number): number {
  let n = 0;
  for (const _ of Buffer.from(text, 'utf8').subarray(0, byteOffset).toString('utf8')) n++;
  return n;
}

/**
 * Applies one migration in its own transaction (session state reset first, like a fresh `postgres`
 * session); returns its error, placed by Postgres' position or at the failing statement.
 */
export async function applyFile(pg: PGliteLike, file: WorkerFile, searchPath: string, watch: ApplyWatch): Promise<PgErrorInfo | undefined> {
  await resetSession(pg, searchPath);
  watch.refused.length = 0;
  const run = pieces(file);
  // The CLI's pipeline runs a file's first statement before its transaction starts: a command that refuses
  // transaction blocks (CREATE INDEX CONCURRENTLY, ...) is accepted there, so it runs before BEGIN here too.
  const lead = run[0]?.scope === 'statement' && file.statements[run[0].statement!]?.outsideTransaction ? run.shift() : undefined;
  let error: PgErrorInfo | undefined;
  try {
    if (lead) error = await runPiece(pg, file, lead, watch);
    if (!error) {
      await pg.exec('BEGIN');
      for (const piece of run) {
        error = await runPiece(pg, file, piece, watch);
        if (error) break;
      }
      if (!error) {
        watch.running(undefined, 'commit');
        await pg.exec('COMMIT');
      }
    }
  } catch (e) {
    error = errorInfo(e);
  } finally {
    watch.idle();
  }
  if (!error) return undefined;
  await pg.exec('ROLLBACK').catch(() => undefined);
  if (error.position === undefined && error.statement === undefined) error.statement = await locate(pg, file, error, searchPath, watch);
  // The statement failed because it tried to run a program (PGlite's error: "could not execute command").
  if (watch.refused.length && error.sqlstate !== '42501' && /^could not execute command "/.test(error.message)) {
    error = { ...copyProgramError(watch.refused[0]), ...(error.position !== undefined ? { position: error.position } : {}), ...(error.statement !== undefined ? { statement: error.statement } : {}) };
  }
  return error;
}

/** One piece of the file; its error (placed in the file), if it failed. */
async function runPiece(pg: PGliteLike, file: WorkerFile, piece: Piece, watch: ApplyWatch): Promise<PgErrorInfo | undefined> {
  const refuse = piece.scope === 'statement' ? file.statements[piece.statement!].refuse : undefined;
  if (refuse) return { ...refuse, statement: piece.statement };
  watch.running(piece.statement, piece.scope);
  try {
    await pg.exec(piece.text);
    return undefined;
  } catch (e) {
    const error = errorInfo(e);
    if (error.position !== undefined) error.position += codePointsBefore(file.text, piece.start);
    else if (piece.scope === 'statement') error.statement = piece.statement;
    return error;
  }
}

/** Each migration starts like a fresh `postgres` session (DISCARD ALL must be a statement of its own). */
export async function resetSession(pg: PGliteLike, searchPath: string): Promise<void> {
  await pg.exec('DISCARD ALL');
  await pg.exec(`RESET ROLE; SET search_path TO ${searchPath}`);
}

/**
 * Postgres gave no position: replay the file statement by statement (in a transaction that is rolled back)
 * and return the index of the first statement that fails with the same SQLSTATE. Transaction-control
 * statements in the file are skipped so that nothing is committed.
 */
async function locate(pg: PGliteLike, file: WorkerFile, error: PgErrorInfo, searchPath: string, watch: ApplyWatch): Promise<number | undefined> {
  const bytes = Buffer.from(file.text, 'utf8');
  let found: number | undefined;
  let fallback: number | undefined;
  await resetSession(pg, searchPath);
  await pg.exec('BEGIN');
  try {
    for (let i = 0; i < file.statements.length; i++) {
      const st = file.statements[i];
      if (st.transaction) continue;
      try {
        watch.running(i, 'statement');
        await pg.exec(bytes.subarray(st.start, st.end).toString('utf8'));
      } catch (e) {
        const info = errorInfo(e);
        if (info.sqlstate === error.sqlstate && info.message === error.message) found = i;
        else fallback = i;
        break;
      }
    }
  } finally {
    watch.idle();
    await pg.exec('ROLLBACK').catch(() => undefined);
  }
  return found ?? fallback;
}
