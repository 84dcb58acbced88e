/**
 * The timeline: every migration's facts replayed in apply order. Answers, for each reference, whether the
 * object exists at that point and who created it; records conflicts (creating what exists) and the state of
 * every object (columns as they are after each change). Works on facts only, never on SQL, so a re-run is
 * cheap. Modules: types (the public types), build (the driver), replay (the `Replay` object and its loop),
 * effects, implicitObjects (what statements create without naming it: constraint indexes, owned sequences,
 * partitions' indexes), records (a record defined, dropped, and what goes with it), resolution, creations
 * ("created later"), suggestions ("did you mean"), snapshots (resumed replays, copy-on-write), reresolve
 * (answers from the event logs), stream (the CLI's streamed mode), state and histories (what the replay
 * mutates), columnSites (where columns are written, for the editor), result (the `Timeline` a replay answers with).
 */
export type {
  ColumnDef,
  Conflict,
  AbsentTarget,
  DefinitionSite,
  EnumConversion,
  Gone,
  ObjectHistory,
  ReplayStart,
  Resolution,
  ResolvedRef,
  Timeline,
  TimelineFile,
  TimelineSnapshot,
  TimelineStream,
} from './types';
export { buildTimeline } from './build';
export { changesColumn, columnOrigin, columnSiteAt, sitesOfColumn } from './columnSites';
export type { ColumnSite, ColumnSiteKind } from './columnSites';
export { createdKeysOf } from './creations';
export { isTable } from './histories';
export { searchSchemas, unresolvedRefs } from './resolution';
export { snapshotLookup, snapshotTables } from './snapshots';
