/**
 * Messages between the VS Code extension (client/src/verify.ts) and the warm verify service it forks
 * (`supabase-migrations verify --serve`, server/src/cli/serve.ts): JSON over the Node IPC channel. Declared
 * once here and imported by both sides. Plain JSON types only. (The service's own worker speaks another
 * protocol: ./protocol.ts.)
 */

/** What to verify and how: `verify [dir]`'s options. `dir` and `config` are relative to the request's `cwd`. */
export interface VerifyArgs {
  dir: string;
  config?: string;
  stopAtFirstError?: boolean;
  noCache?: boolean;
  noCheckpoints?: boolean;
  noAdvisors?: boolean;
  /** Limit of one statement, in seconds (0: none); else the config's, else the default (guards.ts). */
  statementTimeoutS?: number;
  /** Limit of the worker's memory while a statement runs, in MB (0: none); else the config's, else the default. */
  memoryLimitMb?: number;
}

/** extension → service. Requests run one at a time, in order; a cancel stops the current one or drops a queued one. */
export type ServiceRequest =
  | { type: 'verify'; id: number; cwd: string; args: VerifyArgs }
  | { type: 'cancel'; id: number }
  | { type: 'exit' };

/** service → extension. A result's `output` is exactly what `verify --format json` prints for the same folder. */
export type ServiceMessage =
  | { type: 'ready'; pid: number }
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'result'; id: number; code: number; output: string; ms: number }
  | { type: 'cancelled'; id: number }
  | { type: 'error'; id: number; message: string };
