/**
 * Everything an editor or the CLI can observe of an analysis, as plain data: for tests that check that two
 * ways of analysing (incremental and fresh, streamed and whole) agree.
 */
import type { Analysis } from '../../server/src/engine/analyze';
import { unresolvedRefs } from '../../server/src/engine/timeline';

/**
 * With `refs: 'unresolved'`, only the references the rules report on (a streamed check keeps no others); the
 * dependency graph stands for the rest.
 */
export function observable(a: Analysis, refs: 'all' | 'unresolved' = 'all'): unknown {
  const pos = (r: { startByte: number; endByte: number; start: { line: number; character: number }; end: { line: number; character: number } }) =>
    `${r.startByte}-${r.endByte}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
  return {
    findings: a.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      file: f.file,
      range: pos(f.range),
      message: f.message,
      related: f.related.map((r) => ({ file: r.file, range: pos(r.range), message: r.message })),
      fixes: JSON.parse(JSON.stringify(f.fixes)),
      rename: f.rename,
      object: f.object,
    })),
    refs: a.timeline.refs.map((list) =>
      (refs === 'all' ? list : unresolvedRefs(list)).map((r) => {
        const res = r.resolution;
        const detail =
          res.status === 'ok'
            ? `${res.key}<${res.creator ? `${res.creator.file}.${res.creator.stmt}` : 'base'}`
            : res.status === 'forward'
              ? `${res.key}<${res.creator.file}.${res.creator.stmt}`
              : res.status === 'dropped'
                ? `${res.key}x${res.gone.point.file}.${res.gone.point.stmt}@${pos(res.gone.range)}`
                : res.status === 'unknown'
                  ? `${res.suggestions.join('|')}/${res.opaque}`
                  : '';
        return `${r.point.stmt} ${r.ref.ns} ${r.ref.schema}.${r.ref.name} ${pos(r.ref.range)} ${res.status} ${detail}`;
      }),
    ),
    defs: a.timeline.defs.map((list) => list.map((d) => `${d.key} ${d.point.stmt} ${pos(d.range)}`)),
    records: a.timeline.histories.map((h) => `${h.record.key} ${h.record.def ? `${h.record.def.point.file}.${h.record.def.point.stmt} ${pos(h.record.def.range)} ${pos(h.record.def.statement)}` : '-'}`),
    conflicts: a.timeline.conflicts.map((c) => `${c.key} ${c.point.file}.${c.point.stmt} ${pos(c.effect.range)} ${c.existing.key}`),
    final: [...a.timeline.final.keys()].sort(),
    signatures: a.timeline.histories.map((h) => (h.record.signatures ?? []).join('|')),
    opaque: [...a.timeline.opaqueSchemas].sort(),
    unknownExtensions: a.timeline.unknownExtensions.map((u) => `${u.name}@${u.point.file}.${u.point.stmt}:${pos(u.range)}`),
    columns: a.timeline.histories.map((h) => [
      h.record.key,
      (h.record.columns ?? []).map((c) => `${c.name}:${c.type}${c.references ? '>' + c.references : ''}`).join(','),
      h.versions.map((v) => `${v.point.file}.${v.point.stmt}=${v.columns.map((c) => `${c.name}:${c.type}${c.references ?? ''}`).join('/')}`).join(','),
      [...h.columnDefs].map(([n, d]) => `${n}@${d.point.file}.${d.point.stmt}:${d.type}:${pos(d.fact.range)}:${d.fact.insertAt}`).join(','),
      h.foreignKeys.map((f) => `${f.columns.join('+')}>${f.target}`).join(','),
      h.gone ? `${h.gone.how}@${h.gone.point.file}.${h.gone.point.stmt}` : '',
    ]),
    graph: a.graph.edges,
    // (a streamed check keeps no column sites: they are for the editor)
    columnSites:
      refs === 'all'
        ? a.timeline.columnSites.map((list) =>
            list.map((s) => {
              const column = typeof s.column === 'string' ? s.column : `${s.column.name}@${pos(s.column.range)}`;
              const state = `${s.state.display}${s.state.notNull ? ' not null' : ''}${s.state.default !== undefined ? ` default ${s.state.default}` : ''}`;
              return `${s.point.stmt} ${s.kind} ${s.tableName} ${s.name}${s.from !== undefined ? `<${s.from}` : ''} ${pos(s.at.range)} ${column} ${state}`;
            }),
          )
        : undefined,
  };
}

