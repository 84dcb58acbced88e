/**
 * What is under the cursor: a reference (resolved by the timeline), the name of a created object, or a
 * column where a statement writes it (the timeline's column sites; `key` is then its table's).
 */
import type { Position } from 'vscode-languageserver';
import type { Analysis } from '../../engine/analyze';
import type { Definition, ObjectRecord, Point } from '../../engine/objects';
import { columnSiteAt, type ColumnSite, type Resolution } from '../../engine/timeline';
import type { WorkspaceIndex } from '../workspaceIndex';

export interface SymbolAt {
  key: string;
  point: Point;
  analysis: Analysis;
  fileIndex: number;
  /** The reference's resolution, when the cursor is on a use. */
  resolution?: Resolution;
  via?: string;
  /** A column under the cursor: where it is written, which column it is and as what. */
  column?: ColumnSite;
}

export function symbolAt(index: WorkspaceIndex, file: string, pos: Position): SymbolAt | undefined {
  const loc = index.locate(file);
  if (!loc || loc.index < 0) return undefined;
  const { analysis, index: fi } = loc;
  const offset = analysis.facts[fi].lineIndex.offset(pos);
  let best: SymbolAt | undefined;
  let bestLen = Infinity;
  for (const r of analysis.timeline.refs[fi]) {
    const { startByte, endByte } = r.ref.range;
    if (offset < startByte || offset > endByte || endByte - startByte >= bestLen) continue;
    const res = r.resolution;
    const key = res.status === 'ok' || res.status === 'forward' || res.status === 'dropped' ? res.key : undefined;
    if (!key) continue;
    best = { key, point: r.point, analysis, fileIndex: fi, resolution: res, via: r.ref.via };
    bestLen = endByte - startByte;
  }
  for (const d of analysis.timeline.defs[fi]) {
    const { startByte, endByte } = d.range;
    if (offset < startByte || offset > endByte || endByte - startByte >= bestLen) continue;
    best = { key: d.key, point: d.point, analysis, fileIndex: fi };
    bestLen = endByte - startByte;
  }
  const column = columnSiteAt(analysis.timeline, fi, offset);
  if (column && column.at.range.endByte - column.at.range.startByte < bestLen) best = { key: column.table, point: column.point, analysis, fileIndex: fi, column };
  return best;
}

/** The object behind a key: as it is at the end, or as it was when it went away. */
export function recordOf(analysis: Analysis, key: string): ObjectRecord | undefined {
  return analysis.timeline.byKey.get(key)?.record ?? analysis.timeline.lookup(key);
}

/** Where an object is created (its first creation in the folder). */
export function definitionOf(analysis: Analysis, key: string): Definition | undefined {
  return recordOf(analysis, key)?.def;
}
