/**
 * textDocument/hover: kind, where it is created, and its columns as they are at this point of the timeline.
 * Markdown: every name (a quoted identifier or a file name can hold any character) goes in through
 * ../../printable (`markdownCode`, `markdownText`, `markdownLinkTarget`), so it shows as written and can make
 * no link, HTML or line of its own.
 */
import path from 'node:path';
import { Hover, HoverParams, MarkupKind } from 'vscode-languageserver';
import { postgresVersionOf } from '../../engine/analyze';
import { displayName, ObjectRecord, samePoint } from '../../engine/objects';
import { markdownCode, markdownLinkTarget, markdownText } from '../../printable';
import { pathToUri, toRange, uriToPath } from '../adapters';
import type { WorkspaceIndex } from '../workspaceIndex';
import { recordOf, symbolAt } from './symbolAt';

export function handleHover(index: WorkspaceIndex, params: HoverParams): Hover | null {
  const file = uriToPath(params.textDocument.uri);
  const at = file === undefined ? undefined : symbolAt(index, file, params.position);
  if (!at) return null;
  const { analysis, key } = at;
  const rec = recordOf(analysis, key);
  if (!rec) return null;
  const lines: string[] = [];
  lines.push(`**${rec.kind}** ${markdownCode(displayName(rec))}`);
  if (rec.def && (rec.origin === 'migration' || rec.origin === 'extension')) {
    const line = rec.def.range.start.line + 1;
    const link = markdownLinkTarget(`${pathToUri(rec.def.file)}#L${line}`);
    lines.push(`${rec.origin === 'extension' ? `From extension ${markdownCode(rec.extension ?? '')}, created` : 'Created'} in [${markdownText(path.basename(rec.def.file))}](${link}) (line ${line})`);
  } else lines.push(originText(rec, postgresVersionOf(analysis.config)));
  const res = at.resolution;
  if (res?.status === 'forward') lines.push(`⚠️ Not created yet at this point: a later migration creates it.`);
  if (res?.status === 'dropped') lines.push(`⚠️ ${res.gone.how === 'renamed' ? `Renamed to ${markdownCode(res.gone.to ?? '')}` : 'Dropped'} before this point (${markdownText(path.basename(analysis.migrations[res.gone.point.file].path))}, line ${res.gone.range.start.line + 1}).`);
  if (rec.ns === 'function') {
    const sigs = rec.signatures ?? [];
    for (const s of sigs.slice(0, 8)) lines.push(`${markdownCode(`${displayName(rec).replace(/\(\)$/, '')}(${s.split(',').filter(Boolean).join(', ')})`)}${rec.returns ? ` → ${markdownCode(rec.returns)}` : ''}`);
    if (sigs.length > 8) lines.push(`… ${sigs.length - 8} more overloads`);
    const facts = [rec.language && `language ${markdownText(rec.language)}`, rec.securityDefiner && 'security definer'].filter(Boolean);
    if (facts.length) lines.push(facts.join(' · '));
  }
  const columns = res?.status === 'forward' ? analysis.timeline.columnsAt(key, { file: analysis.migrations.length, stmt: 0 }) : analysis.timeline.columnsAt(key, at.point);
  if (columns && columns.length) {
    lines.push(res?.status === 'forward' ? 'Columns once created:' : `Columns at this point (${markdownText(path.basename(analysis.migrations[at.fileIndex].path))}):`);
    const table = ['| column | type | null | references |', '|---|---|---|---|'];
    for (const c of columns) {
      const name = markdownText(c.name);
      table.push(`| ${c.primaryKey ? `**${name}** 🔑` : name} | ${markdownCode(c.display, true)} | ${c.notNull ? 'not null' : 'null'} | ${markdownText(c.references ?? '')} |`);
    }
    lines.push(table.join('\n'));
  }
  if (rec.rowLevelSecurity !== undefined) lines.push(`Row level security: ${rec.rowLevelSecurity ? 'enabled' : 'disabled'}`);
  const range = analysis.timeline.refs[at.fileIndex].find((r) => samePoint(r.point, at.point) && 'key' in r.resolution && r.resolution.key === key)?.ref.range;
  return { contents: { kind: MarkupKind.Markdown, value: lines.filter((l) => l !== '').join('\n\n') }, range: range ? toRange(range) : undefined };
}

function originText(rec: ObjectRecord, postgresVersion: number): string {
  switch (rec.origin) {
    case 'platform':
      return 'Part of the Supabase platform (exists before the first migration)';
    case 'builtin':
      return `Built into PostgreSQL (the project's version: ${postgresVersion})`;
    case 'extension':
      return `From extension ${markdownCode(rec.extension ?? '')}`;
    default:
      return '';
  }
}
