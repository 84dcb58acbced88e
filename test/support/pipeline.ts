/**
 * Apply one migration file the way the Supabase CLI does (supabase/cli `pkg/migration/file.go`,
 * `ExecBatch`): after a separate `RESET ALL`, every statement of the file is sent as Parse/Bind/Execute in
 * one pipeline, then the INSERT that records the version, then a single Sync. PostgreSQL runs the pipeline
 * as one implicit transaction: a command that refuses transaction blocks fails unless it is the first
 * statement (or the first after a COMMIT), and a COMMIT in the file commits what came before it.
 *
 * A small wire-protocol client (pg-protocol's serializer and parser over a socket): node-postgres has no
 * pipeline mode.
 */
import * as net from 'node:net';
import { parse, serialize } from 'pg-protocol';
import { parseSql, scanSql } from '../../server/src/engine/parser';

export interface PipelineError {
  code?: string;
  message: string;
  detail?: string;
  hint?: string;
  /** 1-based character position in the whole file text. */
  position?: number;
  where?: string;
}

/** Split a file into statements like the CLI's splitter: on `;` outside quotes, comments and dollar quotes. */
export function splitStatements(text: string): { text: string; start: number }[] {
  const bytes = Buffer.from(text, 'utf8');
  const fromBytes = (b0: number, b1: number) => ({ text: bytes.subarray(b0, b1).toString('utf8'), start: bytes.subarray(0, b0).toString('utf8').length });
  let cuts: [number, number][] | undefined;
  try {
    cuts = parseSql(text).map((s) => [s.location, s.length ? s.location + s.length : bytes.length] as [number, number]);
  } catch {
    try {
      const tokens = scanSql(text);
      cuts = [];
      let from = 0;
      for (const t of tokens) {
        if (t.kind !== 'semicolon') continue;
        cuts.push([from, t.start]);
        from = t.end;
      }
      cuts.push([from, bytes.length]);
    } catch {
      cuts = [[0, bytes.length]];
    }
  }
  return cuts.map(([a, b]) => fromBytes(a, b)).filter((s) => s.text.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, '').trim() !== '');
}

/** One connection to a database, applying files one after the other. */
export class PipelineSession {
  private readonly sock: net.Socket;
  private waiting: ((m: Record<string, string | undefined> & { name: string }) => void) | undefined;
  private readonly ready: Promise<void>;
  private closed: Error | undefined;

  private constructor(port: number, database: string) {
    this.sock = net.connect(port, '127.0.0.1');
    this.ready = new Promise((resolve, reject) => {
      this.waiting = (m) => {
        if (m.name === 'error') reject(new Error(`connection failed: ${m.code} ${m.message}`));
        else if (m.name === 'readyForQuery') resolve();
      };
      this.sock.on('error', (e) => {
        this.closed = e;
        reject(e);
      });
    });
    void parse(this.sock, (msg) => this.waiting?.(msg as unknown as Record<string, string | undefined> & { name: string }));
    this.sock.on('connect', () => this.sock.write(serialize.startup({ user: 'postgres', database })));
  }

  static async open(port: number, database: string): Promise<PipelineSession> {
    const s = new PipelineSession(port, database);
    await s.ready;
    return s;
  }

  /**
   * Runs `prelude` (simple query, its own transaction), then the file's statements and `trailer` as one
   * pipeline. Resolves with the first error, or undefined when every statement succeeded.
   */
  async apply(prelude: string, text: string, trailer: string): Promise<PipelineError | undefined> {
    if (this.closed) throw this.closed;
    const preludeError = await this.exchange([serialize.query(prelude)], () => undefined);
    if (preludeError) throw new Error(`prelude failed: ${preludeError.code} ${preludeError.message}`);
    const statements = splitStatements(text);
    const parts: Buffer[] = [];
    for (const s of [...statements.map((x) => x.text), trailer]) {
      parts.push(serialize.parse({ text: s }), serialize.bind({}), serialize.describe({ type: 'P' }), serialize.execute({}));
    }
    parts.push(serialize.sync());
    let executed = 0;
    let status: string | undefined;
    const error = await this.exchange(parts, (m) => {
      if (m.name === 'commandComplete') executed++;
      if (m.name === 'readyForQuery') status = (m as { status?: string }).status;
      return statements[executed]?.start;
    });
    // a file that opened a transaction block with BEGIN and did not close it: Sync leaves the block open
    // (failed, or still running); end it so that the next file starts clean
    if (status === 'E') await this.exchange([serialize.query('ROLLBACK')], () => undefined);
    else if (status === 'T') await this.exchange([serialize.query('COMMIT')], () => undefined);
    return error;
  }

  /** Sends `parts` and collects messages until ReadyForQuery; the first error, its position mapped to the file. */
  private exchange(parts: Buffer[], onMessage: (m: { name: string }) => number | undefined): Promise<PipelineError | undefined> {
    return new Promise((resolve) => {
      let failure: PipelineError | undefined;
      this.waiting = (m) => {
        const offset = onMessage(m);
        if (m.name === 'error' && !failure) {
          failure = { code: m.code, message: m.message ?? 'error', detail: m.detail, hint: m.hint, where: m.where };
          if (m.position && offset !== undefined) failure.position = offset + Number(m.position);
        } else if (m.name === 'readyForQuery') resolve(failure);
      };
      this.sock.write(Buffer.concat(parts));
    });
  }

  close(): void {
    this.sock.end(serialize.end());
  }
}
