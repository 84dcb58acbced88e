/**
 * textDocument/hover: kind, where it is created, and its columns as they are at this point of the timeline.
 * On a column: `table.column type [NOT NULL] [DEFAULT …]` as it is at that point, where it was added, and
 * its renames, alterations and drop through the folder (later ones marked).
 * Markdown: every name (a quoted identifier or a file name can hold any character) goes in through
 * ../../printable (`markdownCode`, `markdownText`, `markdownLinkTarget`), so it shows as written and can make
 * no link, HTML or line of its own.
 */
import path from 'node:path';
import { Hover, HoverParams, MarkupKind } from 'vscode-languageserver';
import { postgresVersionOf } from '../../engine/analyze';
import type { Analysis } from '../../engine/analyze';
import { before, ColumnState, displayName, ObjectRecord, samePoint } from '../../engine/objects';
import { sitesOfColumn, type ColumnSite } from '../../engine/timeline';
import { markdownCode, markdownLinkTarget, markdownText } from '../../printable';
import { pathToUri, toRange, uriToPath } from '../adapters';
import type { WorkspaceIndex } from '../workspaceIndex';
import { recordOf, symbolAt } from './symbolAt';

export function handleHover(index: WorkspaceIndex, params: HoverParams): Hover | null {
  const file = uriToPath(params.textDocument.uri);
  const at = file === undefined ? undefined : symbolAt(index, file, params.position);
  if (!at) return null;
  if (at.column) return columnHover(at.analysis, at.column);
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

/** Hover on a column where a statement writes it. */
function columnHover(analysis: Analysis, site: ColumnSite): Hover {
  const where = (s: ColumnSite) => {
    const file = analysis.migrations[s.point.file].path;
    const line = s.at.range.start.line + 1;
    return `[${markdownText(path.basename(file))}](${markdownLinkTarget(`${pathToUri(file)}#L${line}`)}) (line ${line})`;
  };
  const lines = [`**column** ${markdownCode(`${site.tableName}.${quoted(site.name)} ${columnText(site.state)}`)}`];
  const sites = sitesOfColumn(analysis.timeline, site.column);
  let previous: ColumnState | undefined;
  const history: string[] = [];
  for (const s of sites) {
    if (s.kind === 'use') continue;
    const later = before(site.point, s.point) ? ' (later)' : '';
    if (s.kind === 'create' || s.kind === 'add') history.push(`${s.kind === 'create' ? 'Created with the table' : 'Added'} in ${where(s)}${later}`);
    else if (s.kind === 'rename') history.push(`Renamed from ${markdownCode(quoted(s.from ?? ''))} to ${markdownCode(quoted(s.name))} in ${where(s)}${later}`);
    else if (s.kind === 'alter') history.push(`${alteration(previous, s.state)} in ${where(s)}${later}`);
    else if (s.kind === 'drop') history.push(`Dropped in ${where(s)}${later}`);
    previous = s.state;
  }
  if (history.length > 12) history.splice(11, history.length - 11, `… ${history.length - 11} more`);
  lines.push(...history);
  lines.push(`As it is at this point (${markdownText(path.basename(analysis.migrations[site.point.file].path))}, line ${site.at.range.start.line + 1}).`);
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range: toRange(site.at.range) };
}

/** `type [NOT NULL] [DEFAULT …]`. */
function columnText(c: ColumnState): string {
  return `${c.display}${c.notNull ? ' NOT NULL' : ''}${c.default !== undefined ? ` DEFAULT ${c.default}` : ''}`;
}

/** What an ALTER COLUMN changed, from the column before it (when known) to after. */
function alteration(was: ColumnState | undefined, now: ColumnState): string {
  if (!was) return 'Altered';
  const parts: string[] = [];
  if (was.display !== now.display) parts.push(`type changed to ${markdownCode(now.display)}`);
  if (was.notNull !== now.notNull) parts.push(now.notNull ? 'set NOT NULL' : 'NOT NULL dropped');
  if (was.default !== now.default) parts.push(now.default === undefined ? 'default dropped' : `default set to ${markdownCode(now.default)}`);
  const text = parts.length ? parts.join(', ') : 'altered';
  return text[0].toUpperCase() + text.slice(1);
}

/** A column name as SQL writes it. */
function quoted(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
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
