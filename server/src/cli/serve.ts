/**
 * `supabase-migrations verify --serve`: the editor's warm verify service. A process the VS Code extension
 * forks on the first verify (never the language server) and talks to over the Node IPC channel (JSON). It
 * keeps the parser and one serving worker (worker.ts `--serve`: PGlite, the snapshot, the most recent
 * checkpoints in memory, and a cluster restored ahead of time from the one before the last file), so a
 * re-verify after an edit of the last migration applies that file only, without starting anything.
 *
 * The messages are declared in server/src/verify/serviceProtocol.ts. Requests run one at a time, in order;
 * the answer is exactly what `verify --format json` prints for the same folder. A cancel stops the current
 * request (the worker stops before its next file, or is killed and replaced on the next request) or drops a
 * queued one. The service ends after `idleTimeoutMs` without a request (giving back the worker's ~500 MB),
 * and when its parent goes away (IPC disconnect).
 */
import { VerifyCancelled, WarmWorker } from '../verify/run';
import type { ServiceMessage, ServiceRequest } from '../verify/serviceProtocol';
import { verifyCommand } from './verify';

export const DEFAULT_IDLE_TIMEOUT_MS = 180_000;
const MAX_TIMER_MS = 2 ** 31 - 1;

export function serveVerify(opts: { version: string; idleTimeoutMs?: number }): void {
  const send = (msg: ServiceMessage) => process.send?.(msg);
  if (!process.send) {
    process.stderr.write('supabase-migrations: verify --serve needs a parent process with an IPC channel (it is started by the editor extension)\n');
    process.exitCode = 2;
    return;
  }
  // (setTimeout fires at once past 2^31-1 ms, ~24.8 days: a huge setting means "stay up", not "exit now")
  const idleMs = Math.min(opts.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS, MAX_TIMER_MS);
  const worker = new WarmWorker();
  const queue: Extract<ServiceRequest, { type: 'verify' }>[] = [];
  let current: { id: number; cancelled: boolean } | undefined;
  let idle: NodeJS.Timeout | undefined;
  const exit = () => {
    worker.dispose();
    process.exit(0);
  };
  const armIdle = () => {
    clearTimeout(idle);
    if (idleMs > 0) idle = setTimeout(exit, idleMs);
  };

  const pump = async () => {
    if (current) return;
    const req = queue.shift();
    if (!req) return armIdle();
    clearTimeout(idle);
    current = { id: req.id, cancelled: false };
    worker.clearCancel();
    const cur = current;
    const t0 = Date.now();
    try {
      const { code, output } = await verifyCommand({ ...req.args, format: 'json', color: false }, { version: opts.version, cwd: req.cwd, worker, onProgress: (done, total) => send({ type: 'progress', id: req.id, done, total }) });
      send(cur.cancelled ? { type: 'cancelled', id: req.id } : { type: 'result', id: req.id, code, output, ms: Date.now() - t0 });
    } catch (e) {
      send(cur.cancelled || e instanceof VerifyCancelled ? { type: 'cancelled', id: req.id } : { type: 'error', id: req.id, message: (e as Error)?.message ?? String(e) });
    } finally {
      current = undefined;
      void pump();
    }
  };

  process.on('message', (msg: ServiceRequest) => {
    if (msg?.type === 'verify') {
      queue.push(msg);
      void pump();
    } else if (msg?.type === 'cancel') {
      const i = queue.findIndex((r) => r.id === msg.id);
      if (i >= 0) {
        queue.splice(i, 1);
        send({ type: 'cancelled', id: msg.id });
      } else if (current?.id === msg.id && !current.cancelled) {
        current.cancelled = true;
        void worker.cancel();
      }
    } else if (msg?.type === 'exit') exit();
  });
  // The extension host is gone: so is the service (and its worker, which watches this process the same way).
  process.on('disconnect', exit);
  armIdle();
  send({ type: 'ready', pid: process.pid });
}
