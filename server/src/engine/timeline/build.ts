/**
 * `buildTimeline`: replays every migration's facts in apply order (replay.ts), from the first file or from a
 * snapshot (snapshots.ts), optionally streaming the files (stream.ts), and answers with a `Timeline`.
 */
import { Replay } from './replay';
import { ReplayedTimeline } from './result';
import { reresolveUnresolvedBefore } from './reresolve';
import { takeSnapshot } from './snapshots';
import { endStream, loadStreamed, pruneStreamed } from './stream';
import type { ReplayStart, Timeline, TimelineFile, TimelineStream } from './types';

/**
 * Replay `files` in order. With `keepHistory`, also record what every key named after each change (a few
 * objects per created or dropped object), so that `reresolve` can later re-answer one file's references.
 * `postgresVersion`: the project's, for the built-ins it has (default `DEFAULT_POSTGRES_VERSION`).
 */
export function buildTimeline(files: TimelineFile[], keepHistory = false, resume?: ReplayStart, stream?: TimelineStream, postgresVersion?: number): Timeline {
  if (stream && (keepHistory || resume)) throw new Error('a streamed timeline keeps no history and resumes nothing');
  const r = new Replay(files, keepHistory, resume, stream, postgresVersion);
  const from = r.from;
  for (let fi = from ? from.file : 0; fi < files.length; fi++) {
    if (fi === r.snapshotAt && !from) takeSnapshot(r, fi);
    if (stream) loadStreamed(r, fi);
    r.replayFile(fi, resume?.previous?.[fi]);
    if (stream) pruneStreamed(r, fi);
  }
  if (stream) endStream(r);
  // a resumed replay: uses of later-created objects before the resumed file may have changed status
  if (from) reresolveUnresolvedBefore(r, from.file);
  return new ReplayedTimeline(r);
}
